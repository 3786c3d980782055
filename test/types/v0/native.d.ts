/**
 * The edge to native code. koffi is required here, lazily, on first use, so
 * importing the package never loads a native module or a DLL on any OS; each
 * DLL is loaded on first use, and each function is bound on first use, so a
 * system that lacks one export still serves the others. Nothing outside this
 * file and ./layout.ts touches koffi or a pointer.
 */
import type * as KoffiModule from 'koffi';
export type Koffi = typeof KoffiModule;
export type KoffiType = KoffiModule.TypeObject;
type KoffiFunction = ReturnType<KoffiModule.LibraryHandle['func']>;
/** An opaque native pointer as koffi hands it out. Only this file looks inside. */
export type NativePointer = {
    readonly __nativePointer: unique symbol;
} | bigint;
/** koffi, required on first use; a clear error if its prebuilt binary cannot load. */
export declare function loadKoffi(): Koffi;
/** Throws ERR_UNSUPPORTED_PLATFORM anywhere but Windows, before anything native is loaded. */
export declare function assertWindows(syscall: string): void;
/**
 * `name` from `dll`, bound on first use with a `__stdcall` prototype (ignored on
 * x64 and arm64, required on ia32). A missing DLL or export gives an
 * ERROR_NOT_SUPPORTED IpHelperError, remembered so later calls fail fast.
 */
export declare function bind(dll: string, name: string, result: string | KoffiType, params: (string | KoffiType)[]): KoffiFunction;
/** Throws the IpHelperError for a non-zero status returned by `syscall` (FormatMessageW for unnamed codes). */
export declare function checkStatus(syscall: string, status: number): void;
/** Calls a bound function on one of koffi's worker threads; resolves with what it returned. */
export declare function callAsync(fn: KoffiFunction, ...args: unknown[]): Promise<number>;
/** A pointer-sized out parameter, for koffi. */
export declare function outPointer(): KoffiType | string;
/** Reads NumEntries (a ULONG at `offset`) from native memory. */
export declare function readUint32(ptr: NativePointer, offset: number): number;
/** Copies `length` bytes of native memory into a new Uint8Array (no external buffer: works in Electron). */
export declare function copyBytes(ptr: NativePointer, length: number): Uint8Array;
/** The system's message for a Win32 error code (FormatMessageW), or undefined. */
export declare function systemMessage(code: number): string | undefined;
/** A koffi-registered native callback; only this file looks inside. */
export type RegisteredCallback = {
    readonly __registeredCallback: unique symbol;
};
/**
 * Registers `onChange` as a native change callback (see changeCallbackType). The row is
 * copied (rowSize bytes) before `onChange` sees it: the system's pointer is only
 * valid during the callback. `onChange` must not throw (nothing native may see a JS exception).
 */
export declare function registerChangeCallback(rowSize: number, onChange: (row: Uint8Array | null, notificationType: number) => void): RegisteredCallback;
/** Releases a callback; only once the system can no longer call it (after the cancel returned). */
export declare function unregisterCallback(callback: RegisteredCallback): void;
/** The three Notify…Change functions this package uses: they share one signature and one callback type. */
export type NotifyFunction = 'NotifyIpInterfaceChange' | 'NotifyRouteChange2' | 'NotifyUnicastIpAddressChange';
/**
 * Notify…Change(Family, Callback, CallerContext, InitialNotification = FALSE,
 * &Handle): returns the status and the handle (which a system may leave NULL
 * on success: Wine 8's NotifyRouteChange2 does).
 */
export declare function notifyChange(name: NotifyFunction, af: number, callback: RegisteredCallback): {
    status: number;
    handle: NativePointer | null;
};
/**
 * CancelMibChangeNotify2 on a worker thread. It waits for in-flight callbacks,
 * which wait for this (main) thread: called synchronously here it would deadlock.
 */
export declare function cancelMibChangeNotify2Async(handle: NativePointer): Promise<number>;
/**
 * For process exit, when nothing asynchronous can run any more: cancels on a
 * new native thread (CreateThread with CancelMibChangeNotify2 as its start
 * routine: both take one pointer and return a DWORD) and waits for it at most
 * `timeoutMs`. False if it did not finish: a callback is stuck waiting for this thread.
 */
export declare function cancelMibChangeNotify2OnThread(handle: NativePointer, timeoutMs: number): boolean;
export {};
