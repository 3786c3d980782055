/**
 * How the command writes rows: an aligned table (a column aligner is a few
 * lines, and a table library would add six packages to every application
 * that embeds this one), a JSON array or NDJSON, streamed in chunks with
 * backpressure; every cell a terminal may show made printable first.
 */
import { escapeInvisible, INVISIBLE } from '../errors.js';
import { DEFAULT_VIEW, type Column, type View } from './views.js';

/** Where the command writes, and what it knows of its environment (the tests give their own). */
export interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
}

/** How rows are printed: which fields, and as a table, JSON or NDJSON. */
export interface PrintOptions {
  readonly fields?: readonly string[] | undefined;
  readonly json?: boolean | undefined;
  readonly ndjson?: boolean | undefined;
}

export function bigintsAsStrings(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** bigints as decimal strings, all the way down (JSON cannot hold them); everything else as it is. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsonSafe);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = jsonSafe((value as Record<string, unknown>)[key]);
  return out;
}

/** The named fields of a row, ready for JSON.stringify without a replacer (a replacer runs per key: slow for big tables). */
export function pick(row: object, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = jsonSafe((row as Record<string, unknown>)[f]);
  return out;
}

export function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  return io.stdout.isTTY === true;
}

/** An emoji ZWJ sequence (🏳️‍🌈, 👩‍💻): pictographs joined by U+200D, each maybe with a presentation selector or skin tone. */
const EMOJI_ZWJ = /^\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?(?:\u200D\p{Extended_Pictographic}[\uFE0F\u{1F3FB}-\u{1F3FF}]?)+$/u;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | undefined;
/** The text's grapheme clusters (what a terminal shows as one character). */
function graphemes(text: string): Iterable<{ segment: string }> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * A cell or a message as a terminal may show it: control characters, DEL, C1 controls, the line and
 * paragraph separators, bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and invisible
 * characters (U+200B–200D, U+2060–2064, U+FEFF, soft hyphen) as visible `\u202e`-style escapes;
 * the zero-width joiner only where it joins an emoji sequence (🏳️‍🌈) stays.
 */
export function printable(text: string): string {
  if (ASCII_PRINTABLE.test(text)) return text;
  INVISIBLE.lastIndex = 0;
  if (!INVISIBLE.test(text)) return text;
  let out = '';
  for (const { segment } of graphemes(text)) out += EMOJI_ZWJ.test(segment) ? segment : escapeInvisible(segment);
  return out;
}

/** Columns one grapheme cluster takes: emoji and East Asian wide characters two, combining and zero-width ones none. */
function graphemeWidth(g: string): number {
  const c = g.codePointAt(0)!;
  if (g.length === 1 && c < 0x300) return c < 0x20 || (c >= 0x7f && c < 0xa0) ? 0 : 1;
  if (/\p{Extended_Pictographic}/u.test(g) && (/\p{Emoji_Presentation}/u.test(g) || g.includes('\uFE0F'))) return 2;
  if (/^[\p{Mn}\p{Me}\p{Cf}]/u.test(g)) return 0; // a cluster of only marks or format characters
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
    ? 2
    : 1;
}

/**
 * JSON text as the command prints it: JSON.stringify's, with the bidi, invisible and separator
 * characters it leaves raw (U+202E, U+2028, …) written as `\u` escapes too (the same string once parsed).
 */
export function jsonText(value: unknown, replacer?: (key: string, value: unknown) => unknown, indent?: number): string {
  const text = JSON.stringify(value, replacer, indent);
  if (!JSON_RAW.test(text)) return text;
  return text.replace(JSON_RAW_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** INVISIBLE without C0 (JSON.stringify escapes those inside strings; outside them they are its own line breaks). */
const JSON_RAW_SOURCE = INVISIBLE.source.replace('\\u0000-\\u001f', '');
const JSON_RAW = new RegExp(JSON_RAW_SOURCE);
const JSON_RAW_ALL = new RegExp(JSON_RAW_SOURCE, 'g');

/** Terminal columns a string takes, by grapheme cluster: an emoji ZWJ sequence or a letter with its accents is one character. */
export function displayWidth(text: string): number {
  if (ASCII_PRINTABLE.test(text)) return text.length; // printable ASCII: one column each
  let width = 0;
  for (const { segment } of graphemes(text)) width += graphemeWidth(segment);
  return width;
}

/** Exit code 2: the message, and where usage is. */
export function badUsage(io: Io, error: unknown): number {
  io.stderr.write(`ipinterface: ${printable((error as Error).message)}\nRun \`ipinterface --help\` for usage.\n`);
  return 2;
}

/** Exit code 1: the error's code (or name) and message. */
export function systemError(io: Io, error: unknown): number {
  const e = error as Error & { code?: string };
  const code = e.code ?? e.name;
  // Node's file errors already start with their code ("ENOENT: no such file…"): say it once.
  io.stderr.write(`ipinterface: ${printable(e.message.startsWith(`${code}:`) ? e.message : `${code}: ${e.message}`)}\n`);
  return 1;
}

/** Writes a chunk, waiting when the stream asks to (a slow reader of a pipe). */
export function write(io: Io, chunk: string): Promise<void> | undefined {
  if (io.stdout.write(chunk)) return undefined;
  return new Promise((resolve) => io.stdout.once('drain', resolve));
}

/**
 * Rows one at a time, by index: an array's, or a capture's table read row by row as it is
 * printed (a big capture is never decoded whole). `row(i)` is null for a row the view leaves out.
 */
export interface RowSource<R> {
  readonly count: number;
  row(index: number): R | null;
}

/** An array as a row source. */
export function arraySource<R>(rows: readonly R[]): RowSource<R> {
  return { count: rows.length, row: (i) => rows[i]! };
}

/** Prints rows as a table, a JSON array or NDJSON, streamed in chunks: any table the decoder accepts fits. */
export async function print<R>(rows: R[] | RowSource<R>, view: View<R>, options: PrintOptions, io: Io): Promise<void> {
  const source = Array.isArray(rows) ? arraySource(rows) : rows;
  const fields = options.fields ?? view.jsonFields;
  const CHUNK = 512;
  let chunk: string[] = [];
  const flush = async () => {
    if (chunk.length > 0) await write(io, chunk.join(''));
    chunk = [];
  };
  if (options.json || options.ndjson) {
    // Each row is written as it is read: `| head -1` costs one chunk, and memory stays that of one chunk.
    let first = true;
    for (let i = 0; i < source.count; i++) {
      const r = source.row(i);
      if (r === null) continue;
      if (options.ndjson) chunk.push(`${jsonText(pick(r as object, fields))}\n`);
      else {
        chunk.push(`${first ? '[\n' : ',\n'}  ${jsonText(pick(r as object, fields), undefined, 2).replaceAll('\n', '\n  ')}`);
        first = false;
      }
      if (chunk.length >= CHUNK) await flush();
    }
    if (options.json) chunk.push(first ? '[]\n' : '\n]\n');
    await flush();
    return;
  }
  if (view.blocks && !options.fields) {
    // Blocks (config): every row at once, in the view's order.
    const rows: R[] = [];
    for (let i = 0; i < source.count; i++) {
      const r = source.row(i);
      if (r !== null) rows.push(r);
    }
    const order = rows.map((row, index) => ({ key: view.sortKey(row), index })).sort(byKey);
    // Each line escaped: a value is never a raw control character (an adapter's description is the driver's text).
    await write(io, view.blocks(order.map(({ index }) => rows[index]!)).map((line) => `${printable(line)}\n`).join(''));
    return;
  }
  // A table: one pass for the order and the column widths (keeping only each row's sort key and
  // index), then one that reads each row again, in order, and prints it.
  const columns = tableColumns(view, options.fields);
  const widths = columns.map((c) => c.header.length);
  // Each row's sort key packed into one string that orders as the key does (a million rows' keys
  // as arrays cost more memory than the capture); a key that cannot be packed keeps its array.
  const packed: string[] = [];
  let keyed: { key: readonly (string | number)[]; index: number }[] | undefined;
  const indices: number[] = [];
  for (let i = 0; i < source.count; i++) {
    const r = source.row(i);
    if (r === null) continue;
    const key = view.sortKey(r);
    const text = keyed ? undefined : packKey(key);
    if (text === undefined && !keyed) keyed = indices.map((index) => ({ key: view.sortKey(source.row(index)!), index }));
    if (keyed) keyed.push({ key, index: i });
    else {
      packed.push(text!);
      indices.push(i);
    }
    for (let c = 0; c < columns.length; c++) widths[c] = Math.max(widths[c]!, displayWidth(printable(columns[c]!.cell(r))));
  }
  let order: number[];
  if (keyed) order = keyed.sort(byKey).map((k) => k.index);
  else {
    const positions = Array.from(packed, (_, p) => p);
    positions.sort((a, b) => (packed[a]! < packed[b]! ? -1 : packed[a]! > packed[b]! ? 1 : a - b));
    order = positions.map((p) => indices[p]!);
  }
  const format = lineFormat(widths, useColor(io), view);
  chunk.push(format.header(columns), format.rule());
  for (const index of order) {
    const r = source.row(index)!;
    chunk.push(format.row(columns.map((c) => printable(c.cell(r)))));
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
}

/**
 * A sort key as one string that compares (as strings) as the key compares member by member: a
 * non-negative safe integer as 14 hex digits, a string with NUL doubled, each ended by two NULs
 * (lower than anything a member holds); undefined for a key with another kind of number.
 */
export function packKey(key: readonly (string | number)[]): string | undefined {
  const parts: string[] = [];
  for (const part of key) {
    if (typeof part === 'number') {
      if (!Number.isSafeInteger(part) || part < 0) return undefined;
      parts.push('n', part.toString(16).padStart(14, '0'), '\u0000\u0000');
    } else parts.push('s', part.includes('\u0000') ? part.replace(/\u0000/g, '\u0000\u0001') : part, '\u0000\u0000');
  }
  // Joined, not concatenated: one flat string, not a tree of its parts (a million keys are kept).
  return parts.join('');
}

/** The columns a table shows: the view's, or those --fields names. */
function tableColumns<R>(view: View<R>, fields: readonly string[] | undefined): readonly Column<R>[] {
  return fields ? fields.map((f) => view.columns.find((c) => c.field === f) ?? genericColumn<R>(f)) : view.columns;
}

/** Rows compare by their sort keys, member by member. */
function byKey(a: { key: readonly (string | number)[] }, b: { key: readonly (string | number)[] }): number {
  for (let i = 0; i < a.key.length; i++) {
    const x = a.key[i]!;
    const y = b.key[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The table's lines, each ending in a newline: header (bold on a colour terminal), rule, rows (alarms red). */
function lineFormat<R>(widths: readonly number[], color: boolean, view: View<R>) {
  const paint = (text: string, code: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const line = (values: readonly string[], style?: (v: string, i: number) => string) =>
    `${values
      .map((v, i) => {
        const padded = v + ' '.repeat(widths[i]! - displayWidth(v));
        return style ? style(padded, i) : padded;
      })
      .join(' ')
      .trimEnd()}\n`;
  return {
    header: (columns: readonly Column<R>[]) => line(columns.map((c) => c.header), (v) => paint(v, '1')),
    rule: () => line(widths.map((w) => '-'.repeat(w))),
    row: (cells: readonly string[]) => line(cells, (v) => (view.alarm.has(v.trim()) ? paint(v, '31') : v)),
  };
}

/** Aligned columns; bold header and red alarms ("Disconnected") on a colour terminal. */
export function renderTable<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view: View<R> = DEFAULT_VIEW): string {
  const columns = tableColumns(view, fields);
  const keyed = rows.map((row, index) => ({ key: view.sortKey(row), index }));
  keyed.sort(byKey);
  const cells = keyed.map(({ index }) => columns.map((c) => printable(c.cell(rows[index]!))));
  const widths = columns.map((c) => c.header.length);
  for (const r of cells) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i]!));
  const format = lineFormat(widths, color, view);
  return [format.header(columns), format.rule(), ...cells.map((r) => format.row(r))].join('');
}

function genericColumn<R>(field: string): Column<R> {
  return {
    field,
    header: field,
    cell: (r: R) => {
      const value = (r as unknown as Record<string, unknown>)[field];
      return typeof value === 'object' && value !== null ? jsonText(value, bigintsAsStrings) : String(value ?? '');
    },
  };
}
