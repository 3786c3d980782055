/**
 * The edge to native code. koffi is required here, lazily, on first use, so
 * importing the package never loads a native module or a DLL on any OS; each
 * DLL is loaded on first use, and each function is bound on first use, so a
 * system that lacks one export still serves the others. Which functions exist
 * is declared in ./functions.ts; nothing outside these two files (and the
 * struct types of ./struct/koffi.ts) touches koffi or a pointer.
 */
import type * as KoffiModule from 'koffi';
import { IpHelperError } from './errors.js';

export type Koffi = typeof KoffiModule;
export type KoffiType = KoffiModule.TypeObject;
type KoffiFunction = ReturnType<KoffiModule.LibraryHandle['func']>;

/** An opaque native pointer as koffi hands it out. Only this file looks inside. */
export type NativePointer = { readonly __nativePointer: unique symbol } | bigint;

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

/** Throws ERR_UNSUPPORTED_PLATFORM anywhere but Windows, before anything native is loaded. */
export function assertWindows(syscall: string): void {
  if (process.platform === 'win32') return;
  throw new IpHelperError(
    `${syscall} needs Windows (this is ${process.platform}). To read a Windows machine's table here, ` +
      'save a capture there (captureIpInterfaceTable() or saveCapture()) and decode it with loadCapture().',
    { code: 'ERR_UNSUPPORTED_PLATFORM', syscall },
  );
}

interface Library {
  handle: KoffiModule.LibraryHandle | undefined;
  error: unknown;
  functions: Map<string, KoffiFunction | IpHelperError>;
}

const libraries = new Map<string, Library>();

/**
 * `name` from `dll`, bound on first use with a `__stdcall` prototype (ignored on
 * x64 and arm64, required on ia32). A missing DLL or export gives an
 * ERROR_NOT_SUPPORTED IpHelperError, remembered so later calls fail fast.
 */
export function bind(dll: string, name: string, result: string | KoffiType, params: (string | KoffiType)[]): KoffiFunction {
  let lib = libraries.get(dll);
  if (!lib) {
    lib = { handle: undefined, error: undefined, functions: new Map() };
    try {
      lib.handle = loadKoffi().load(dll);
    } catch (cause) {
      lib.error = cause;
    }
    libraries.set(dll, lib);
  }
  let fn = lib.functions.get(name);
  if (!fn) {
    try {
      if (!lib.handle) throw lib.error;
      fn = lib.handle.func('__stdcall', name, result, params);
    } catch (cause) {
      fn = new IpHelperError(
        `${name} is not available on this system: ${dll} ${lib.handle ? `does not export ${name}` : 'could not be loaded'} ` +
          `(${cause instanceof Error ? cause.message : String(cause)})`,
        { code: 'ERROR_NOT_SUPPORTED', syscall: name, errno: 50, cause },
      );
    }
    lib.functions.set(name, fn);
  }
  if (fn instanceof IpHelperError) throw fn;
  return fn;
}

/** Calls a bound function on one of koffi's worker threads; resolves with what it returned. */
export function callAsync(fn: KoffiFunction, ...args: unknown[]): Promise<number> {
  return new Promise((resolve, reject) => {
    fn.async(...args, (error: unknown, result: number) => (error ? reject(error) : resolve(result)));
  });
}

let guidStruct: KoffiType | undefined;
let dnsSettingsIn: KoffiType | undefined;

/** GUID as a struct passed by value (koffi follows each architecture's ABI for it: on x64 a hidden pointer, on ia32 the 16 bytes on the stack). */
export function guidByValue(): KoffiType {
  const k = loadKoffi();
  // Anonymous: koffi type names are global, and an application may declare its own GUID.
  return (guidStruct ??= k.struct({ Data1: 'uint32_t', Data2: 'uint16_t', Data3: 'uint16_t', Data4: k.array('uint8_t', 8) }));
}

/**
 * `const DNS_INTERFACE_SETTINGS *` as koffi marshals it from a JS object: each PWSTR member from a
 * string (or null), copied to native memory for the call's duration. The members and their order
 * are those of src/structs/dns-interface-settings.ts (checked against the C compiler).
 */
export function dnsSettingsPointer(): KoffiType {
  const k = loadKoffi();
  return (dnsSettingsIn ??= k.pointer(
    k.struct({
      Version: 'uint32_t',
      Flags: 'uint64_t',
      Domain: 'str16',
      NameServer: 'str16',
      SearchList: 'str16',
      RegistrationEnabled: 'uint32_t',
      RegisterAdapterName: 'uint32_t',
      EnableLLMNR: 'uint32_t',
      QueryAdapterName: 'uint32_t',
      ProfileNameServer: 'str16',
    }),
  ) as unknown as KoffiType);
}

/** A UTF-16 string a PWSTR at `offset` of `bytes` points at (native memory), or null for NULL. */
export function readPwstr(bytes: Uint8Array, offset: number): string | null {
  return loadKoffi().decode(bytes, offset, 'str16') as string | null;
}

/** A pointer-sized out parameter, for koffi. */
export function outPointer(): KoffiType | string {
  const k = loadKoffi();
  return k.out(k.pointer('void *')) as unknown as KoffiType;
}

/** Reads NumEntries (a ULONG at `offset`) from native memory. */
export function readUint32(ptr: NativePointer, offset: number): number {
  return loadKoffi().decode(ptr, offset, 'uint32_t') as number;
}

/** Copies `length` bytes of native memory into a new Uint8Array (no external buffer: works in Electron). */
export function copyBytes(ptr: NativePointer, length: number): Uint8Array {
  return loadKoffi().decode(ptr, 'uint8_t', length) as Uint8Array;
}

/** Native memory of `length` bytes (koffi.alloc) and its address: for a buffer whose pointers the call fills in. */
export function allocNative(length: number): { ptr: NativePointer; address: bigint } {
  const k = loadKoffi();
  const ptr = k.alloc('uint8_t', length) as NativePointer;
  return { ptr, address: BigInt(k.address(ptr)) };
}

/** Frees what allocNative returned. */
export function freeNative(ptr: NativePointer): void {
  loadKoffi().free(ptr);
}

/* ---- Change notifications: the callback. ---- */

let changeCallbackProto: KoffiType | undefined;

/**
 * PIPINTERFACE_CHANGE_CALLBACK, PIPFORWARD_CHANGE_CALLBACK and
 * PUNICAST_IPADDRESS_CHANGE_CALLBACK all are VOID (PVOID CallerContext, PMIB_…_ROW Row,
 * MIB_NOTIFICATION_TYPE NotificationType): one koffi prototype serves the three.
 */
function changeCallbackType(): KoffiType {
  if (!changeCallbackProto) {
    const k = loadKoffi();
    // Named uniquely: koffi type names are global, and an application may declare its own.
    changeCallbackProto = k.proto('__stdcall', 'ipinterface_PIPINTERFACE_CHANGE_CALLBACK', 'void', ['void *', 'void *', 'int']);
  }
  return changeCallbackProto;
}

/** A pointer to the callback prototype: the parameter type of the Notify functions (declared in ./functions.ts). */
export function changeCallbackPointer(): KoffiType {
  return loadKoffi().pointer(changeCallbackType());
}

/** A koffi-registered native callback; only this file looks inside. */
export type RegisteredCallback = { readonly __registeredCallback: unique symbol };

/**
 * Registers `onChange` as a native change callback (see changeCallbackType). The row is
 * copied (rowSize bytes) before `onChange` sees it: the system's pointer is only
 * valid during the callback. `onChange` must not throw (nothing native may see a JS exception).
 */
export function registerChangeCallback(
  rowSize: number,
  onChange: (row: Uint8Array | null, notificationType: number) => void,
): RegisteredCallback {
  const k = loadKoffi();
  const callback = (_context: unknown, row: NativePointer | null, notificationType: number) => {
    onChange(row ? copyBytes(row, rowSize) : null, notificationType);
  };
  return k.register(callback, k.pointer(changeCallbackType())) as unknown as RegisteredCallback;
}

/** Releases a callback; only once the system can no longer call it (after the cancel returned). */
export function unregisterCallback(callback: RegisteredCallback): void {
  loadKoffi().unregister(callback as unknown as bigint);
}
