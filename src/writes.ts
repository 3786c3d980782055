/**
 * Writing rows — routes (Create/Set/DeleteIpForwardEntry2) and unicast addresses
 * (Create/Set/DeleteUnicastIpAddressEntry) — one way for both: the row handed to Windows starts as
 * the Initialize… function leaves it and only the members the caller names are written over it (by
 * the struct's member writer: Windows fills its own defaults from the rest, nothing is invented
 * here); each write is read back with the table's Get…Entry, so it returns what it changed. Sync and
 * async from one plan each.
 */
import type { z } from 'zod';
import { describePath, describeValue, IpHelperError, readObject, WIN32 } from './errors.js';
import { call, callAsync, checkStatus, type DllFunction } from './functions.js';
import { assertWindows } from './native.js';
import { step, type Plan } from './plan.js';
import type { Struct } from './struct/define.js';
import { memberWriter, type RowWriter } from './struct/writer.js';
import type { Table } from './table/define.js';

/** What a write changed: the row before (null: it did not exist) and after (null: it no longer does). */
export interface WriteResult<R> {
  readonly before: R | null;
  readonly after: R | null;
}

/** A checked row to write: its members (JS keys, what the member writer takes) and how messages name it. */
export interface CheckedRow {
  readonly members: Readonly<Record<string, unknown>>;
  readonly text: string;
}

/** One kind of row the package writes: its struct and table, its DLL functions, its members and its checks. */
export interface WriteTarget {
  /** How messages name a row, and rows ('route', 'routes'), and the argument a row is passed as ('route'). */
  readonly noun: string;
  readonly plural: string;
  readonly argument: string;
  readonly struct: Struct;
  readonly table: Pick<Table, 'keyedRow' | 'decodeRow'>;
  readonly initialize: DllFunction;
  readonly create: DllFunction;
  readonly set: DllFunction;
  readonly remove: DllFunction;
  readonly entry: DllFunction;
  /** The key members and the members a write may set, JS keys. */
  readonly keyMembers: readonly string[];
  readonly settable: readonly string[];
  /** Checks a row (`keyOnly`: a key) before any native call; TypeErrors and RangeErrors name the member. */
  readonly check: (value: unknown, name: string, keyOnly: boolean) => CheckedRow;
}

const writers = new WeakMap<WriteTarget, RowWriter>();

/** The row handed to Windows: the Initialize… function's, then the members over it. */
function* initializedRow(target: WriteTarget, checked: CheckedRow): Plan<Buffer> {
  const row = Buffer.alloc(target.struct.layout().rowSize);
  yield* step({ sync: () => call(target.initialize, row), async: () => callAsync(target.initialize, row) });
  let writer = writers.get(target);
  if (!writer) writers.set(target, (writer = memberWriter(target.struct.layout(), [...target.keyMembers, ...target.settable], `${target.struct.name}_write`)));
  writer(new DataView(row.buffer, row.byteOffset, row.byteLength), 0, checked.members);
  return row;
}

/** One native call on a row as a plan step. */
const rowStep = (fn: DllFunction, row: Buffer) => step<number>({ sync: () => call(fn, row) as number, async: () => callAsync(fn, row) });

/** The row as the Get…Entry function reads it now, or null when there is none. */
function* current<R>(target: WriteTarget, checked: CheckedRow): Plan<R | null> {
  const row = target.table.keyedRow(checked.members);
  const status = yield* rowStep(target.entry, row);
  if (status === WIN32.ERROR_NOT_FOUND || status === WIN32.ERROR_FILE_NOT_FOUND) return null;
  checkStatus(target.entry.name, status);
  return target.table.decodeRow(row) as R;
}

/** Throws the status's IpHelperError, its message naming the row (and what the code means for a write). */
function checkWrite(target: WriteTarget, fn: DllFunction, status: number, checked: CheckedRow): void {
  try {
    checkStatus(fn.name, status);
  } catch (error) {
    if (error instanceof IpHelperError) {
      const why =
        status === WIN32.ERROR_ACCESS_DENIED
          ? ` (changing ${target.plural} needs administrator rights: run elevated)`
          : status === WIN32.ERROR_INVALID_PARAMETER
            ? ` (values written: ${shortMembers(target, checked)})`
            : '';
      error.message = `${error.message}: ${target.noun} ${checked.text}${why}`;
    }
    throw error;
  }
}

/** The members a write sets besides the key, shortened for a message. */
function shortMembers(target: WriteTarget, checked: CheckedRow): string {
  const text = target.settable.filter((k) => checked.members[k] !== undefined).map((k) => `${k}=${String(checked.members[k])}`).join(', ');
  return text.length > 120 ? `${text.slice(0, 117)}...` : text || 'none besides the key';
}

/** An option that is one of `values` (undefined when not given); `options` may hold no other key. */
function readOption<T extends string>(options: unknown, key: string, values: readonly T[]): T | undefined {
  if (options === undefined) return undefined;
  const o = readObject(options, 'options');
  const unknown = Object.keys(o).filter((k) => k !== key);
  if (unknown.length > 0) throw new TypeError(`Expected \`options\` to have only \`${key}\`, got \`${unknown[0]}\``);
  const value = o[key];
  if (value === undefined) return undefined;
  if (!values.includes(value as T)) throw new TypeError(`Expected \`options.${key}\` to be ${values.map((v) => `'${v}'`).join(' or ')}, got ${describeValue(value)}`);
  return value as T;
}

/** Create (Create…Entry), or with `{ ifExists: 'replace' }` change an existing row (Set…Entry). */
export function* createPlan<R>(target: WriteTarget, value: unknown, options: unknown): Plan<WriteResult<R>> {
  const checked = target.check(value, target.argument, false);
  const ifExists = readOption(options, 'ifExists', ['error', 'replace']) ?? 'error';
  assertWindows(target.create.name);
  const row = yield* initializedRow(target, checked);
  const status = yield* rowStep(target.create, row);
  if (status === WIN32.ERROR_OBJECT_ALREADY_EXISTS && ifExists === 'replace') {
    const before = yield* current<R>(target, checked);
    checkWrite(target, target.set, yield* rowStep(target.set, row), checked);
    return { before, after: yield* current<R>(target, checked) };
  }
  checkWrite(target, target.create, status, checked);
  return { before: null, after: yield* current<R>(target, checked) };
}

/** Change an existing row's members (at least one besides the key). */
export function* setPlan<R>(target: WriteTarget, value: unknown): Plan<WriteResult<R>> {
  const checked = target.check(value, target.argument, false);
  if (target.settable.every((k) => checked.members[k] === undefined)) {
    throw new TypeError(`Expected \`${target.argument}\` to name at least one member to set (${target.settable.map((k) => `\`${k}\``).join(', ')})`);
  }
  assertWindows(target.set.name);
  const before = yield* current<R>(target, checked);
  const row = yield* initializedRow(target, checked);
  checkWrite(target, target.set, yield* rowStep(target.set, row), checked);
  return { before, after: yield* current<R>(target, checked) };
}

/** Delete a row by its key; the row it deleted, or null with `{ ifMissing: 'ignore' }` when there was none. */
export function* deletePlan<R>(target: WriteTarget, value: unknown, options: unknown): Plan<R | null> {
  const checked = target.check(value, 'key', true);
  const ifMissing = readOption(options, 'ifMissing', ['error', 'ignore']) ?? 'error';
  assertWindows(target.remove.name);
  const before = yield* current<R>(target, checked);
  const row = yield* initializedRow(target, checked);
  const status = yield* rowStep(target.remove, row);
  if (status === WIN32.ERROR_NOT_FOUND && ifMissing === 'ignore') return null;
  checkWrite(target, target.remove, status, checked);
  return before;
}

/**
 * The members a row sets besides its key, checked by `schema` (zod): a RangeError for a value out
 * of range, a TypeError for one of the wrong type or form, each naming the member; then a preferred
 * lifetime no longer than the valid one. The members given, without the undefined ones.
 */
export function checkSetMembers(schema: z.ZodType, row: Readonly<Record<string, unknown>>, keys: readonly string[], name: string): Record<string, unknown> {
  const given = Object.fromEntries(keys.map((k) => [k, row[k]]));
  const result = schema.safeParse(given);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const Err = issue.code === 'too_big' || issue.code === 'too_small' ? RangeError : TypeError;
    throw new Err(`Invalid ${describePath([name, ...issue.path])}: ${issue.message}, got ${describeValue(given[String(issue.path[0])])}`);
  }
  const data = result.data as Record<string, unknown> & { validLifetime?: number; preferredLifetime?: number };
  if (data.preferredLifetime !== undefined && data.validLifetime !== undefined && data.preferredLifetime > data.validLifetime) {
    throw new RangeError(`Expected \`${name}.preferredLifetime\` (${data.preferredLifetime}) to be at most \`${name}.validLifetime\` (${data.validLifetime})`);
  }
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** A TypeError for members a row (`keyOnly`: a key) does not have, listing those it takes. */
export function unknownMembers(row: Readonly<Record<string, unknown>>, name: string, allowed: readonly string[], keyOnly: boolean, what: string): void {
  const unknown = Object.keys(row).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return;
  throw new TypeError(
    `\`${name}\` has ${unknown.length === 1 ? 'a member' : 'members'} ${what}${keyOnly ? ' key' : ''} does not have: ${unknown
      .slice(0, 5)
      .map((k) => `\`${k}\``)
      .join(', ')} (${keyOnly ? 'a key is ' : 'it takes '}${allowed.map((k) => `\`${k}\``).join(', ')})`,
  );
}
