/**
 * Coded errors. Every error this package throws on purpose has a string
 * `code`, like Node's own errors, so callers can branch without parsing text.
 */
import { types } from './builtins.js';

/** The most characters of a caller's string (a value or a key) any message quotes: its start, then its length. */
const QUOTE_MAX = 60;

/**
 * A caller's text as a message quotes it: control, bidi and invisible characters escaped (as
 * `\u001b`), cut to its first QUOTE_MAX characters plus its length. The one place every value and
 * key quoted in an error message goes through, so no message grows with its input or carries
 * terminal escapes.
 */
export function quoteText(text: string): string {
  const cut = text.length > QUOTE_MAX + 4 ? text.slice(0, QUOTE_MAX) : text;
  const shown = escapeInvisible(cut);
  return cut === text ? shown : `${shown}… (${text.length} characters)`;
}

/** Characters a message or a table cell never prints raw: C0/C1 controls, DEL, bidi controls, invisible and separator characters. */
export const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

/** `text` with every INVISIBLE character as a `\uXXXX` escape. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How a key (an object's property name) looks in a message: `` `name` ``, shortened and escaped. */
export function describeKey(key: PropertyKey): string {
  return `\`${quoteText(typeof key === 'symbol' ? key.toString() : String(key))}\``;
}

/** How a path of keys (`changes.nlMtu`, `tables.0.struct`) looks in a message, each key shortened. */
export function describePath(path: readonly PropertyKey[]): string {
  return `\`${path.map((k) => quoteText(typeof k === 'symbol' ? k.toString() : String(k))).join('.')}\``;
}

/** How a value looks in a message: `7` (number), `'x'` (string), `null`; never throws, whatever the value. */
export function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (value === undefined) return '`undefined`';
  if (typeof value === 'string') {
    // A huge string argument must not become a huge message: its start, and its length.
    return value.length > QUOTE_MAX + 4
      ? `\`'${quoteText(value.slice(0, QUOTE_MAX))}…'\` (string of ${value.length} characters)`
      : `\`'${quoteText(value)}'\` (string)`;
  }
  if (typeof value === 'bigint') return `\`${value}n\` (bigint)`;
  if (typeof value === 'symbol') return `\`${quoteText(value.toString())}\` (symbol)`;
  if (typeof value === 'object' || typeof value === 'function') {
    // Looked at without running the caller's code: a Proxy (revoked or not) is not touched, a
    // throwing `constructor` getter is not called.
    if (isProxy(value)) return `\`Proxy\` (${typeof value})`;
    if (typeof value === 'function') return '`function` (function)';
    if (Array.isArray(value)) return '`Array` (object)';
    return `\`${quoteText(constructorName(value))}\` (object)`;
  }
  return `\`${String(value)}\` (${typeof value})`;
}

/**
 * An object argument's own properties, read once into a plain object, so the caller's code (a
 * getter, a Proxy trap) runs here and nowhere later: `undefined` stays `undefined` where
 * `optional`; anything that is not an object, or whose properties cannot be read (a revoked Proxy,
 * a throwing getter), is a TypeError naming the argument.
 */
export function readObject(value: unknown, name: string, expected = 'an object'): Record<string, unknown> {
  let ok: boolean;
  try {
    ok = value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    ok = false; // Array.isArray of a revoked Proxy throws
  }
  if (!ok) throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${describeValue(value)}`);
  try {
    return { ...(value as object) } as Record<string, unknown>;
  } catch (cause) {
    const why = cause instanceof Error ? quoteText(String(cause.message)) : 'it threw';
    throw new TypeError(`Expected \`${name}\` to be ${expected} whose properties can be read, got ${describeValue(value)} (reading it threw: ${why})`, { cause });
  }
}

/** The name of an object's class from its prototype chain's own data properties (never a getter): 'Object' when there is none. */
function constructorName(value: object): string {
  try {
    for (let proto = Object.getPrototypeOf(value) as object | null; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, 'constructor');
      if (descriptor && 'value' in descriptor && typeof descriptor.value === 'function') {
        const name = Object.getOwnPropertyDescriptor(descriptor.value, 'name');
        return name && typeof name.value === 'string' && name.value !== '' ? name.value : 'Object';
      }
    }
    return 'Object';
  } catch {
    return 'Object';
  }
}

/** Whether `value` is a Proxy (util.types.isProxy, loaded on first use). */
function isProxy(value: unknown): boolean {
  return types().isProxy(value);
}

export type IpInterfaceDecodeErrorCode =
  /** The buffer is shorter than NumEntries rows need. */
  | 'ERR_IPINTERFACE_TRUNCATED'
  /** A row holds a value the schema rejects (e.g. an unknown enum value). */
  | 'ERR_IPINTERFACE_INVALID_ROW'
  /** A pointer in a linked list's buffer (GetAdaptersAddresses) points outside it, or at a node or sockaddr that runs past its end. */
  | 'ERR_IPINTERFACE_BAD_POINTER'
  /** A linked list comes back to a node it has already passed. */
  | 'ERR_IPINTERFACE_LIST_CYCLE'
  /** A linked list holds more than MAX_LIST_NODES nodes. */
  | 'ERR_IPINTERFACE_LIST_TOO_LONG'
  /** A string a pointer points at has no NUL before the buffer ends. */
  | 'ERR_IPINTERFACE_UNTERMINATED_STRING';

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
export class IpInterfaceDecodeError extends Error {
  override readonly name = 'IpInterfaceDecodeError';
  readonly code: IpInterfaceDecodeErrorCode;
  readonly rowIndex: number | undefined;
  readonly field: string | undefined;
  readonly rawValue: unknown;

  constructor(message: string, details: IpInterfaceDecodeErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.rowIndex = details.rowIndex;
    this.field = details.field;
    this.rawValue = details.rawValue;
  }
}

/** The Win32 error codes the IP Helper functions document (winerror.h), by name: the one place they are spelled. */
export const WIN32 = Object.freeze({
  ERROR_INVALID_FUNCTION: 1,
  ERROR_FILE_NOT_FOUND: 2,
  ERROR_ACCESS_DENIED: 5,
  ERROR_INVALID_HANDLE: 6,
  ERROR_NOT_ENOUGH_MEMORY: 8,
  ERROR_OUTOFMEMORY: 14,
  ERROR_NOT_SUPPORTED: 50,
  ERROR_INVALID_PARAMETER: 87,
  ERROR_BUFFER_OVERFLOW: 111,
  ERROR_INSUFFICIENT_BUFFER: 122,
  ERROR_NO_DATA: 232,
  ERROR_NOT_FOUND: 1168,
  ERROR_NETWORK_UNREACHABLE: 1231,
  ERROR_OBJECT_ALREADY_EXISTS: 5010,
} as const);

/** The same codes by number. */
export const WIN32_ERROR_NAMES: Readonly<Record<number, string>> = Object.freeze(Object.fromEntries(Object.entries(WIN32).map(([name, code]) => [code, name])));

/** What each known Win32 code means for these functions (Microsoft's descriptions, shortened). */
const WIN32_ERROR_TEXT: Readonly<Record<string, string>> = {
  ERROR_INVALID_FUNCTION: 'the function is not implemented for this request (Wine 8 answers so for IPv6 neighbours)',
  ERROR_FILE_NOT_FOUND: 'the system cannot find the interface',
  ERROR_ACCESS_DENIED: 'access is denied (administrator rights are needed)',
  ERROR_INVALID_HANDLE: 'the handle is invalid',
  ERROR_NOT_ENOUGH_MEMORY: 'not enough memory resources are available to complete the operation',
  ERROR_OUTOFMEMORY: 'not enough storage is available to complete the operation',
  ERROR_NOT_SUPPORTED: 'the request is not supported',
  ERROR_INVALID_PARAMETER: 'an invalid parameter was passed to the function',
  ERROR_BUFFER_OVERFLOW: 'the buffer is too small for the data',
  ERROR_INSUFFICIENT_BUFFER: 'the buffer is too small',
  ERROR_NO_DATA: 'no data is available',
  ERROR_NOT_FOUND: 'no matching entries were found',
  ERROR_NETWORK_UNREACHABLE: 'no route leads to the destination (the network is unreachable)',
  ERROR_OBJECT_ALREADY_EXISTS: 'the object already exists',
};

/**
 * NTSTATUS values (ntstatus.h) for the codes Microsoft's kernel-mode pages of
 * these functions list, with the Win32 code each corresponds to. The kernel
 * pages spell the memory error STATUS_NOT_ENOUGH_MEMORY, a name ntstatus.h does
 * not define; the values it can arrive as are STATUS_NO_MEMORY and
 * STATUS_INSUFFICIENT_RESOURCES.
 */
export const NTSTATUS_NAMES: Readonly<Record<number, readonly [status: string, win32: string]>> = {
  0xc000000d: ['STATUS_INVALID_PARAMETER', 'ERROR_INVALID_PARAMETER'],
  0xc0000017: ['STATUS_NO_MEMORY', 'ERROR_NOT_ENOUGH_MEMORY'],
  0xc000009a: ['STATUS_INSUFFICIENT_RESOURCES', 'ERROR_NOT_ENOUGH_MEMORY'],
  0xc0000022: ['STATUS_ACCESS_DENIED', 'ERROR_ACCESS_DENIED'],
  0xc0000225: ['STATUS_NOT_FOUND', 'ERROR_NOT_FOUND'],
  0xc00000bb: ['STATUS_NOT_SUPPORTED', 'ERROR_NOT_SUPPORTED'],
};

/** Codes an IpHelperError can carry besides the Win32 names (`ERROR_*`, or `WIN32_<n>` for unnamed codes). */
export type IpHelperErrorCode =
  | 'ERROR_INVALID_PARAMETER'
  | 'ERROR_NOT_ENOUGH_MEMORY'
  | 'ERROR_NOT_FOUND'
  | 'ERROR_NOT_SUPPORTED'
  | 'ERROR_ACCESS_DENIED'
  | 'ERROR_FILE_NOT_FOUND'
  /** Called on an OS other than Windows. */
  | 'ERR_UNSUPPORTED_PLATFORM'
  /** The function reported success but returned something unusable (a NULL table, an absurd NumEntries). */
  | 'ERR_IPHLPAPI_BAD_RESULT'
  | (string & {});

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
export class IpHelperError extends Error {
  override readonly name = 'IpHelperError';
  readonly code: IpHelperErrorCode;
  readonly errno: number | undefined;
  readonly syscall: string;
  readonly status: string | undefined;

  constructor(message: string, details: IpHelperErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.errno = details.errno;
    this.syscall = details.syscall;
    this.status = details.status;
  }
}

/**
 * The error for a non-zero status returned by `syscall`. `systemMessage` is
 * asked (FormatMessageW on Windows) only for codes this package has no name for.
 */
export function ipHelperErrorFromStatus(
  syscall: string,
  returned: number,
  systemMessage: (code: number) => string | undefined,
): IpHelperError {
  const errno = returned >>> 0;
  const nt = NTSTATUS_NAMES[errno];
  const code = nt?.[1] ?? WIN32_ERROR_NAMES[errno];
  const number = errno > 0xffff ? `0x${errno.toString(16).toUpperCase().padStart(8, '0')}` : String(errno);
  if (code === undefined) {
    const text = systemMessage(errno)?.trim().replace(/\.$/, '');
    return new IpHelperError(`${syscall} failed with code ${number}${text ? `: ${text}` : ''}`, {
      code: `WIN32_${errno}`,
      syscall,
      errno,
    });
  }
  const name = nt ? `${nt[0]} (${number}, as ${code})` : `${code} (${number})`;
  const text =
    code === 'ERROR_NOT_SUPPORTED'
      ? `${syscall} is not available on this system`
      : code === 'ERROR_ACCESS_DENIED'
        ? 'access is denied: this needs administrator rights (run elevated)'
        : WIN32_ERROR_TEXT[code];
  return new IpHelperError(`${syscall} failed: ${name}: ${text}`, {
    code,
    syscall,
    errno,
    ...(nt ? { status: nt[0] } : {}),
  });
}
