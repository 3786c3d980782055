/**
 * The edge to native code: koffi is required here, lazily, on first use, so
 * that importing the package never loads a native module or a DLL on any OS.
 */
import type * as KoffiModule from 'koffi';

export type Koffi = typeof KoffiModule;
export type KoffiType = KoffiModule.TypeObject;

let koffi: Koffi | undefined;

/** koffi, required on first use; a clear error if its prebuilt binary cannot load. */
export function loadKoffi(): Koffi {
  if (koffi) return koffi;
  try {
    koffi = require('koffi') as Koffi;
  } catch (cause) {
    const error = new Error(
      `ipinterface needs koffi's prebuilt binary for ${process.platform}-${process.arch}, which failed to load: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    Object.assign(error, { code: 'ERR_KOFFI_UNAVAILABLE' });
    throw error;
  }
  return koffi;
}
