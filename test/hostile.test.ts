// What a careless or hostile user (or file) does to the CLI and the API, each found by
// trying it: every case here failed before its fix.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Fallback } from '../src/capture/format.js';
import { decodeCapture, encodeCapture, encodeCaptureTables, getIpInterfaceTable, IF_TYPE, makeLuid, OFFLOAD_FLAG_KEYS, ROUTER_DISCOVERY_BEHAVIOR } from '../src/index.js';
import { captureMetadataOf, root, tableBytes, withCaptureMetadata } from './helpers.js';

const bin = join(root, 'dist', 'cli.js');
const capture = join(root, 'examples', 'laptop.ipcap');
const scratch = mkdtempSync(join(tmpdir(), 'ipinterface-hostile-'));

function run(args: string[], options: { env?: Record<string, string>; input?: Buffer } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env }, maxBuffer: 1 << 30, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (options.input) {
      child.stdin!.on('error', () => {}); // the bin may refuse the input before reading all of it (EPIPE here)
      child.stdin!.end(options.input);
    }
  });
}

/** The bin with stdout piped to `head -1` (a reader that closes early); stderr and exit code. */
function pipedToHead(args: string[]): Promise<{ code: number | null; stderr: string; head: string }> {
  return new Promise((resolve) => {
    const cli = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let head = '';
    cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    cli.stdout.once('data', (d: Buffer) => {
      head = d.toString().split('\n')[0]!;
      cli.stdout.destroy(); // the reader goes away after its first line
    });
    cli.on('exit', (code) => resolve({ code, stderr, head }));
  });
}

/** A v1 capture of `rows` copies of the realistic rows (C-made bytes, repeated at the stride). */
function bigCapture(rows: number): string {
  const seed = tableBytes('realistic');
  const count = new DataView(seed.buffer, seed.byteOffset).getUint32(0, true);
  const out = new Uint8Array(8 + rows * 168).fill(0xcc);
  new DataView(out.buffer).setUint32(0, rows, true);
  for (let i = 0; i < rows; i++) out.set(seed.subarray(8 + (i % count) * 168, 8 + ((i % count) + 1) * 168), 8 + i * 168);
  const file = join(scratch, `big-${rows}.ipcap`);
  writeFileSync(file, encodeCapture(out, { family: 'all' }));
  return file;
}

describe('the CLI against hostile input', () => {
  it('names from a capture never reach the terminal as control characters (escape sequences, fake rows)', async () => {
    const file = join(scratch, 'evil-names.ipcap');
    const evil = '\u001b[2J\u001b]0;pwned\u0007\u001b[31mred\nfake-row 99 IPv4';
    writeFileSync(file, encodeCapture(tableBytes('realistic'), { family: 'all', interfaces: new Map([[0x18000000000000n, { alias: evil, name: evil }]]) }));
    const r = await run(['--from', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2 + 11);
    expect(r.stdout).toContain('\\u001b[2J');
  });

  it.each([['--ndjson', ['--ndjson']], ['--json', ['--json']], ['table', []]] as const)('output piped to a reader that closes early exits quietly (%s)', async (_form, flags) => {
    const big = bigCapture(20_000);
    const r = await pipedToHead(['--from', big, ...flags]);
    expect(r.head.length).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.runIf(process.platform === 'linux')('a full disk gives one line, not a stack', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('sh', ['-c', `"${process.execPath}" "${bin}" --from "${capture}" --json > /dev/full`], { cwd: root });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ipinterface: ENOSPC: no space left on device/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a table of 150,000 rows (beyond where the spread argument overflowed the stack) prints as a table, JSON and NDJSON', async () => {
    const big = bigCapture(150_000);
    const table = await run(['--from', big]);
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')).toHaveLength(150_003);
    const json = await run(['--from', big, '--json', '--fields', 'interfaceIndex']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as unknown[]).length).toBe(150_000);
    const nd = await run(['--from', big, '--ndjson', '--fields', 'nlMtu']);
    expect(nd.stdout.trimEnd().split('\n')).toHaveLength(150_000);
  }, 300_000);

  it('--from /dev/zero, a directory or a FIFO-like stream of garbage is refused at once; --from - reads stdin', async () => {
    const t0 = Date.now();
    const zero = await run(['--from', '/dev/zero']);
    expect(zero).toMatchObject({ code: 1, stderr: expect.stringMatching(/^ipinterface: ERR_CAPTURE_NOT_A_CAPTURE: .*not a regular file/) });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await run(['--from', root])).toMatchObject({ code: 1, stderr: expect.stringMatching(/not a regular file/) });
    const stdin = await run(['--from', '-', '--ndjson', '--fields', 'interfaceIndex'], { input: readFileSync(capture) });
    expect(stdin.code).toBe(0);
    expect(stdin.stdout.trimEnd().split('\n')).toHaveLength(11);
    const garbage = await run(['--from', '-'], { input: Buffer.alloc(1 << 20, 0x41) });
    expect(garbage).toMatchObject({ code: 1, stderr: expect.stringMatching(/ERR_CAPTURE_NOT_A_CAPTURE/) });
    const huge = Buffer.from(readFileSync(capture));
    huge.writeUInt32LE(0xfffffff0, 16); // announces 4 GB
    expect(await run(['--from', '-'], { input: huge })).toMatchObject({ code: 1, stderr: expect.stringMatching(/more than the \d+ a capture may hold/) });
  });

  it('file errors print their code once', async () => {
    const missing = await run(['--from', join(scratch, 'missing.ipcap')]);
    expect(missing.stderr).toMatch(/^ipinterface: ENOENT: no such file/);
    expect(missing.stderr).not.toMatch(/ENOENT: ENOENT/);
  });

  it('set: bad values exit 2 naming them, on any OS, before anything platform-specific; set --help prints usage', async () => {
    for (const [args, message] of [
      [['set', '17', '--family', 'ipv4', '--mtu', '100'], /changes.nlMtu.*576/],
      [['set', '17', '--family', 'ipv4', '--metric', '99999999999'], /changes.metric/],
      [['set', '17', '--family', 'ipv4', '--router-discovery', 'bogus'], /changes.routerDiscoveryBehavior/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(await run(['set', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: ipinterface') });
  });

  it('--fields takes the column headers the help mentions; an empty --fields says what is expected', async () => {
    const r = await run(['--from', capture, '--fields', 'ifIndex,NlMtu(Bytes)', '--ndjson']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0]!)).toEqual({ interfaceIndex: 1, nlMtu: 4294967295 });
    const empty = await run(['--from', capture, '--fields', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/Expected `--fields` to name at least one field/);
  });

  it('FORCE_COLOR=0 (and =false) means no colour, even on a terminal', async () => {
    const { main } = await import('../src/cli/main.js');
    const onTerminal = async (env: Record<string, string>) => {
      let out = '';
      const stdout = Object.assign(new (await import('node:stream')).Writable({ write: (chunk, _enc, done) => ((out += String(chunk)), done()) }), { isTTY: true });
      await main(['--from', capture], { stdout, stderr: process.stderr, env, platform: 'linux' });
      return out;
    };
    expect(await onTerminal({})).toContain('\u001b['); // a terminal gets colour by default
    for (const value of ['0', 'false']) expect(await onTerminal({ FORCE_COLOR: value })).not.toContain('\u001b[');
    expect(await onTerminal({ NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});

describe('the API against hostile input', () => {
  it('encodeCapture / encodeCaptureTables with bad input: a TypeError naming the field, not a ZodError', () => {
    const t = tableBytes('realistic');
    expect(() => encodeCapture(t, {} as never)).toThrow(TypeError);
    expect(() => encodeCapture(t, {} as never)).toThrow(/Expected `input.family` to be 'ipv4', 'ipv6' or 'all', got `undefined`/);
    expect(() => encodeCapture(t, null as never)).toThrow(/Expected `input` to be an object/);
    expect(() => encodeCapture(t, { family: 'all', capturedAt: new Date('nope') })).toThrow(/`input.capturedAt`/);
    expect(() => encodeCapture(t, { family: 'all', interfaces: { a: 1 } as never })).toThrow(/`input.interfaces` to be a Map/);
    expect(() => encodeCaptureTables([{ struct: 'MIB_IPINTERFACE_ROW', bytes: t }], { family: 'x' } as never)).toThrow(TypeError);
  });

  it('makeLuid() without arguments: a TypeError naming the argument', () => {
    expect(() => (makeLuid as (p?: unknown) => bigint)()).toThrow(/Expected `parts` to be an object like \{ ifType: 6, netLuidIndex: 1 \}, got `undefined`/);
  });

  it('a TypeError for a 16 MB string does not carry the string', () => {
    const huge = 'x'.repeat(16 << 20);
    let message = '';
    try {
      getIpInterfaceTable(huge as never);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/got `'x{60}…'` \(string of 16777216 characters\)/);
    expect(message.length).toBeLessThan(400);
  });

  it('exported constant maps cannot be changed by a caller', () => {
    for (const map of [IF_TYPE, ROUTER_DISCOVERY_BEHAVIOR, OFFLOAD_FLAG_KEYS]) {
      expect(Object.isFrozen(map)).toBe(true);
      expect(() => {
        'use strict';
        (map as Record<string, unknown>).evil = 1;
      }).toThrow(TypeError);
    }
  });

  it("a capture whose metadata says family 'ipv4' but holds IPv6 rows is refused", () => {
    const file = encodeCapture(tableBytes('realistic'), { family: 'all' });
    const out = withCaptureMetadata(file, { ...captureMetadataOf(file), family: 'ipv4' });
    expect(() => decodeCapture(out)).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_CORRUPT', message: expect.stringMatching(/says family 'ipv4', but row \d+ .* is IPv6/) }));
  });

  it('the CRC-32 is zlib\'s where Node has it, and the fallback agrees with it', () => {
    const bytes = readFileSync(capture);
    expect(crc32Fallback(bytes)).toBe(crc32(bytes));
    expect(crc32Fallback(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
