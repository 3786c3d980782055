/**
 * Every DLL function this package calls, declared once: DLL, name, result and
 * parameter types (koffi's spelling; `OUT_POINTER` is a `void **` out
 * parameter). Each is bound lazily, on its first call, with `__stdcall`, so a
 * system that lacks one export (Wine lacks several) still serves the others.
 * `call` and `callAsync` are the only ways to invoke them: the same
 * declaration serves the synchronous call and the one on koffi's worker thread.
 */
import { bind, callAsync as callBoundAsync, outPointer, type KoffiType } from './native.js';

/** A `void **` out parameter (the table pointer a Get…Table call fills). */
export const OUT_POINTER = Symbol('OUT_POINTER');
type Param = string | typeof OUT_POINTER;

/** A DLL function's declaration. */
export interface DllFunction {
  readonly dll: string;
  readonly name: string;
  readonly result: string;
  readonly params: readonly Param[];
}

function declare(dll: string, name: string, result: string, params: readonly Param[]): DllFunction {
  return Object.freeze({ dll, name, result, params: Object.freeze([...params]) });
}
const iphlpapi = (name: string, result: string, params: readonly Param[]) => declare('iphlpapi.dll', name, result, params);

/* ---- iphlpapi.dll (netioapi.h) ---- */
export const FreeMibTable = iphlpapi('FreeMibTable', 'void', ['void *']);
export const GetIpInterfaceTable = iphlpapi('GetIpInterfaceTable', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const InitializeIpInterfaceEntry = iphlpapi('InitializeIpInterfaceEntry', 'void', ['void *']);
export const GetIpInterfaceEntry = iphlpapi('GetIpInterfaceEntry', 'uint32_t', ['void *']);
export const SetIpInterfaceEntry = iphlpapi('SetIpInterfaceEntry', 'uint32_t', ['void *']);
export const GetIfTable2 = iphlpapi('GetIfTable2', 'uint32_t', [OUT_POINTER]);
export const GetIfEntry2 = iphlpapi('GetIfEntry2', 'uint32_t', ['void *']);
export const GetUnicastIpAddressTable = iphlpapi('GetUnicastIpAddressTable', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const GetUnicastIpAddressEntry = iphlpapi('GetUnicastIpAddressEntry', 'uint32_t', ['void *']);
export const GetIpForwardTable2 = iphlpapi('GetIpForwardTable2', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const GetIpForwardEntry2 = iphlpapi('GetIpForwardEntry2', 'uint32_t', ['void *']);
export const GetIpNetTable2 = iphlpapi('GetIpNetTable2', 'uint32_t', ['uint16_t', OUT_POINTER]);
/** (NET_LUID *InterfaceLuid, NET_IFINDEX InterfaceIndex, const SOCKADDR_INET *Source, const SOCKADDR_INET *Destination, ULONG AddressSortOptions, PMIB_IPFORWARD_ROW2 BestRoute, SOCKADDR_INET *BestSourceAddress) */
export const GetBestRoute2 = iphlpapi('GetBestRoute2', 'uint32_t', ['void *', 'uint32_t', 'void *', 'void *', 'uint32_t', 'void *', 'void *']);
export const ConvertInterfaceLuidToIndex = iphlpapi('ConvertInterfaceLuidToIndex', 'uint32_t', ['void *', 'void *']);
export const ConvertInterfaceIndexToLuid = iphlpapi('ConvertInterfaceIndexToLuid', 'uint32_t', ['uint32_t', 'void *']);
export const ConvertInterfaceLuidToAlias = iphlpapi('ConvertInterfaceLuidToAlias', 'uint32_t', ['void *', 'void *', 'size_t']);
export const ConvertInterfaceLuidToNameW = iphlpapi('ConvertInterfaceLuidToNameW', 'uint32_t', ['void *', 'void *', 'size_t']);
export const ConvertInterfaceLuidToGuid = iphlpapi('ConvertInterfaceLuidToGuid', 'uint32_t', ['void *', 'void *']);

/* The change-notification functions and kernel32.dll's FormatMessageW and exit-time thread calls are declared beside their one use, in ./native.ts. */

const boundFunctions = new Map<DllFunction, ReturnType<typeof bind>>();

/** The koffi function for a declaration, bound on first use (ERROR_NOT_SUPPORTED if the export is missing). */
export function bound(fn: DllFunction): ReturnType<typeof bind> {
  let f = boundFunctions.get(fn);
  if (!f) {
    const params: (string | KoffiType)[] = fn.params.map((p) => (p === OUT_POINTER ? outPointer() : p));
    f = bind(fn.dll, fn.name, fn.result, params);
    boundFunctions.set(fn, f);
  }
  return f;
}

/** Calls a declared function on this thread. */
export function call(fn: DllFunction, ...args: unknown[]): unknown {
  return bound(fn)(...args);
}

/** Calls a declared function on one of koffi's worker threads; resolves with what it returned. */
export function callAsync(fn: DllFunction, ...args: unknown[]): Promise<number> {
  return callBoundAsync(bound(fn), ...args);
}
