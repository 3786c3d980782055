/**
 * Every DLL function this package calls, declared once: DLL, name, result and
 * parameter types (koffi's spelling; `OUT_POINTER` is a `void **` out
 * parameter). Each is bound lazily, on its first call, with `__stdcall`, so a
 * system that lacks one export (Wine lacks several) still serves the others.
 * `call` and `callAsync` are the only ways to invoke them: the same
 * declaration serves the synchronous call and the one on koffi's worker thread.
 */
import { bind } from './native.js';
/** A `void **` out parameter (the table pointer a Get…Table call fills). */
export declare const OUT_POINTER: unique symbol;
type Param = string | typeof OUT_POINTER;
/** A DLL function's declaration. */
export interface DllFunction {
    readonly dll: string;
    readonly name: string;
    readonly result: string;
    readonly params: readonly Param[];
}
export declare const FreeMibTable: DllFunction;
export declare const GetIpInterfaceTable: DllFunction;
export declare const InitializeIpInterfaceEntry: DllFunction;
export declare const GetIpInterfaceEntry: DllFunction;
export declare const SetIpInterfaceEntry: DllFunction;
export declare const GetIfTable2: DllFunction;
export declare const GetIfEntry2: DllFunction;
export declare const GetUnicastIpAddressTable: DllFunction;
export declare const GetUnicastIpAddressEntry: DllFunction;
export declare const GetIpForwardTable2: DllFunction;
export declare const GetIpForwardEntry2: DllFunction;
export declare const GetIpNetTable2: DllFunction;
/** (NET_LUID *InterfaceLuid, NET_IFINDEX InterfaceIndex, const SOCKADDR_INET *Source, const SOCKADDR_INET *Destination, ULONG AddressSortOptions, PMIB_IPFORWARD_ROW2 BestRoute, SOCKADDR_INET *BestSourceAddress) */
export declare const GetBestRoute2: DllFunction;
export declare const ConvertInterfaceLuidToIndex: DllFunction;
export declare const ConvertInterfaceIndexToLuid: DllFunction;
export declare const ConvertInterfaceLuidToAlias: DllFunction;
export declare const ConvertInterfaceLuidToNameW: DllFunction;
export declare const ConvertInterfaceLuidToGuid: DllFunction;
/** The koffi function for a declaration, bound on first use (ERROR_NOT_SUPPORTED if the export is missing). */
export declare function bound(fn: DllFunction): ReturnType<typeof bind>;
/** Calls a declared function on this thread. */
export declare function call(fn: DllFunction, ...args: unknown[]): unknown;
/** Calls a declared function on one of koffi's worker threads; resolves with what it returned. */
export declare function callAsync(fn: DllFunction, ...args: unknown[]): Promise<number>;
export {};
