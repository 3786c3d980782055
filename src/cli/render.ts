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

/** Prints rows as a table, a JSON array or NDJSON, streamed in chunks: any table the decoder accepts fits. */
export async function print<R>(rows: R[], view: View<R>, options: PrintOptions, io: Io): Promise<void> {
  const fields = options.fields ?? view.jsonFields;
  const CHUNK = 512;
  if (options.json || options.ndjson) {
    if (options.json) {
      if (rows.length === 0) return void (await write(io, '[]\n'));
      await write(io, '[\n');
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK).map((r, j) => {
        const last = i + j === rows.length - 1;
        return options.json
          ? `  ${jsonText(pick(r as object, fields), undefined, 2).replaceAll('\n', '\n  ')}${last ? '' : ','}\n`
          : `${jsonText(pick(r as object, fields))}\n`;
      });
      await write(io, part.join(''));
    }
    if (options.json) await write(io, ']\n');
    return;
  }
  const lines = renderLines(rows, options.fields, useColor(io), view);
  for (let i = 0; i < lines.length; i += CHUNK) await write(io, `${lines.slice(i, i + CHUNK).join('\n')}\n`);
}

/** Aligned columns; bold header and red alarms ("Disconnected") on a colour terminal. */
export function renderTable<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view: View<R> = DEFAULT_VIEW): string {
  return `${renderLines(rows, fields, color, view).join('\n')}\n`;
}

/** The table's lines (no recursion or argument spreading over rows: any number of rows). */
function renderLines<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view: View<R>): string[] {
  const columns = fields ? fields.map((f) => view.columns.find((c) => c.field === f) ?? genericColumn<R>(f)) : view.columns;
  const keyed = rows.map((row) => ({ row, key: view.sortKey(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!;
      const y = b.key[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const sorted = keyed.map((k) => k.row);
  const cells = sorted.map((row) => columns.map((c) => printable(c.cell(row))));
  const widths = columns.map((c) => c.header.length);
  for (const r of cells) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i]!));
  const paint = (text: string, code: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const line = (values: readonly string[], style?: (v: string, i: number) => string) =>
    values
      .map((v, i) => {
        const padded = v + ' '.repeat(widths[i]! - displayWidth(v));
        return style ? style(padded, i) : padded;
      })
      .join(' ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header), (v) => paint(v, '1')),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map((r) => line(r, (v) => (view.alarm.has(v.trim()) ? paint(v, '31') : v))),
  ];
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
