/**
 * Coded errors. Every error this package throws on purpose has a string
 * `code`, like Node's own errors, so callers can branch without parsing text.
 */

/** How a value looks in a message: `7` (number), `'x'` (string), `null`. */
export function describeValue(value: unknown): string {
  if (value === null) return '`null`';
  if (value === undefined) return '`undefined`';
  if (typeof value === 'string') return `\`'${value}'\` (string)`;
  if (typeof value === 'bigint') return `\`${value}n\` (bigint)`;
  if (typeof value === 'object') {
    const name = Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'Object');
    return `\`${name}\` (object)`;
  }
  return `\`${String(value)}\` (${typeof value})`;
}

export type IpInterfaceDecodeErrorCode =
  /** The buffer is shorter than NumEntries rows need. */
  | 'ERR_IPINTERFACE_TRUNCATED'
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
