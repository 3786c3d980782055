/**
 * Coded errors. Every error this package throws on purpose has a string
 * `code`, like Node's own errors, so callers can branch without parsing text.
 */
/** How a value looks in a message: `7` (number), `'x'` (string), `null`. */
export declare function describeValue(value: unknown): string;
export type IpInterfaceDecodeErrorCode = 
/** The buffer is shorter than NumEntries rows need. */
'ERR_IPINTERFACE_TRUNCATED'
/** A row holds a value the schema rejects (e.g. an unknown enum value). */
 | 'ERR_IPINTERFACE_INVALID_ROW';
/** Details of a decode failure. */
export interface IpInterfaceDecodeErrorDetails {
    readonly code: IpInterfaceDecodeErrorCode;
    /** Index of the offending row, when one row is to blame. */
    readonly rowIndex?: number;
    /** The row's JS key (e.g. `routerDiscoveryBehavior`), when one field is to blame. */
    readonly field?: string;
    /** The raw value read from the bytes, when one field is to blame. */
    readonly rawValue?: unknown;
    readonly cause?: unknown;
}
/**
 * Thrown when the bytes of a MIB_IPINTERFACE_TABLE cannot be decoded into
 * valid rows. No partial table is ever returned alongside it.
 */
export declare class IpInterfaceDecodeError extends Error {
    readonly name = "IpInterfaceDecodeError";
    readonly code: IpInterfaceDecodeErrorCode;
    readonly rowIndex: number | undefined;
    readonly field: string | undefined;
    readonly rawValue: unknown;
    constructor(message: string, details: IpInterfaceDecodeErrorDetails);
}
/** Win32 error codes the IP Helper functions document, by number (winerror.h). */
export declare const WIN32_ERROR_NAMES: Readonly<Record<number, string>>;
/**
 * NTSTATUS values (ntstatus.h) for the codes Microsoft's kernel-mode pages of
 * these functions list, with the Win32 code each corresponds to. The kernel
 * pages spell the memory error STATUS_NOT_ENOUGH_MEMORY, a name ntstatus.h does
 * not define; the values it can arrive as are STATUS_NO_MEMORY and
 * STATUS_INSUFFICIENT_RESOURCES.
 */
export declare const NTSTATUS_NAMES: Readonly<Record<number, readonly [status: string, win32: string]>>;
/** Codes an IpHelperError can carry besides the Win32 names (`ERROR_*`, or `WIN32_<n>` for unnamed codes). */
export type IpHelperErrorCode = 'ERROR_INVALID_PARAMETER' | 'ERROR_NOT_ENOUGH_MEMORY' | 'ERROR_NOT_FOUND' | 'ERROR_NOT_SUPPORTED' | 'ERROR_ACCESS_DENIED' | 'ERROR_FILE_NOT_FOUND'
/** Called on an OS other than Windows. */
 | 'ERR_UNSUPPORTED_PLATFORM'
/** The function reported success but returned something unusable (a NULL table, an absurd NumEntries). */
 | 'ERR_IPHLPAPI_BAD_RESULT' | (string & {});
/** Details of an IpHelperError. */
export interface IpHelperErrorDetails {
    readonly code: IpHelperErrorCode;
    readonly syscall: string;
    /** The number the function returned, when it returned one. */
    readonly errno?: number;
    /** The NTSTATUS name, when the number was an NTSTATUS. */
    readonly status?: string;
    readonly cause?: unknown;
}
/**
 * An IP Helper function failed, like Node's own system errors: `code` (e.g.
 * `'ERROR_NOT_SUPPORTED'`), `errno` (the number the function returned) and
 * `syscall` (e.g. `'GetIpInterfaceTable'`).
 */
export declare class IpHelperError extends Error {
    readonly name = "IpHelperError";
    readonly code: IpHelperErrorCode;
    readonly errno: number | undefined;
    readonly syscall: string;
    readonly status: string | undefined;
    constructor(message: string, details: IpHelperErrorDetails);
}
/**
 * The error for a non-zero status returned by `syscall`. `systemMessage` is
 * asked (FormatMessageW on Windows) only for codes this package has no name for.
 */
export declare function ipHelperErrorFromStatus(syscall: string, returned: number, systemMessage: (code: number) => string | undefined): IpHelperError;
