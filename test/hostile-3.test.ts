// Hostile input, round three: the 16 defects a probe outside the project found (issue 20), one
// test (or more) each, every one failing before its fix. Bytes come from the C-made fixtures, with
// one member changed at its offset (the declarations' layout, held to MinGW's offsetof), and a capture's
// CRC made valid again, as another writer might; expected answers from the headers and RFCs named.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  captureTables,
  chooseRoute,
  decodeCapture,
  decodeIfTable2,
  decodeIpForwardTable2,
  decodeUnicastIpAddressTable,
  encodeCapture,
  encodeCaptureTables,
  getBestRoute,
  ipForwardRow2Schema,
  makeLuid,
  setIpInterface,
  unicastIpAddressRowSchema,
} from '../src/index.js';
import { describeValue } from '../src/errors.js';
import { STRUCTS } from '../src/structs/index.js';
import { captureMetadataOf, root, tableBytes, withCaptureMetadata } from './helpers.js';

const bin = join(root, 'dist', 'cli.js');
const example = join(root, 'examples', 'laptop.ipcap');
const scratch = mkdtempSync(join(tmpdir(), 'ipinterface-hostile3-'));
const structBytes = (struct: string, name: string) => new Uint8Array(readFileSync(join(root, 'fixtures', 'c', 'structs', struct, `${name}.bin`)));

function run(args: string[], input?: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' }, maxBuffer: 1 << 28, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (input) child.stdin!.end(input);
  });
}

/** A capture of `tables` (C-made bytes), with `patch` applied to its body afterwards and the CRC made valid again. */
function patchedCapture(name: string, tables: { struct: string; bytes: Uint8Array }[], patch: (body: Uint8Array, at: (struct: string) => number) => void): string {
  const file = encodeCaptureTables(tables, { family: 'all', capturedAt: new Date(0) });
  const meta = captureMetadataOf(file);
  const metaLength = new DataView(file.buffer, file.byteOffset).getUint32(12, true);
  const body = file.slice(24 + metaLength);
  const infos = meta.tables as { struct: string; length: number }[];
  const at = (struct: string) => {
    let offset = 0;
    for (const t of infos) {
      if (t.struct === struct) return offset;
      offset += t.length;
    }
    throw new Error(`no ${struct}`);
  };
  patch(body, at);
  const path = join(scratch, `${name}.ipcap`);
  writeFileSync(path, withCaptureMetadata(file, meta, body));
  return path;
}

/** A member's offset: the declarations' layout, which test/c-layout.test.ts holds to MinGW's offsetof with _Static_asserts. */
function offsetOf(struct: string, member: string): number {
  const s = STRUCTS.find((x) => x.name === struct)!;
  return (s.layout().offsets as Record<string, number>)[member]!;
}

/** One line on stderr, no stack, no raw control or bidi character. */
function oneLine(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Run `ipinterface --help`'));
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('1. an address of a family other than AF_INET / AF_INET6', () => {
  it('decoding refuses it (the C-made tables with AF_UNSPEC), naming row, member and family', () => {
    expect(() => decodeUnicastIpAddressTable(structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-bad-family-unspec'))).toThrow(
      expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 2, field: 'address', rawValue: 0 }),
    );
    expect(() => decodeIpForwardTable2(structBytes('MIB_IPFORWARD_ROW2', 'forward-bad-next-hop-unspec'))).toThrow(
      expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 3, field: 'nextHop', rawValue: 0 }),
    );
  });

  it("the schemas refuse '' and any text that is not an address; the encoder refuses the bytes", () => {
    const [row] = decodeUnicastIpAddressTable(structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic'));
    expect(unicastIpAddressRowSchema.safeParse(row).success).toBe(true);
    expect(unicastIpAddressRowSchema.safeParse({ ...row, address: '' }).success).toBe(false);
    const [route] = decodeIpForwardTable2(structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic'));
    expect(ipForwardRow2Schema.safeParse({ ...route, nextHop: 'not an ip' }).success).toBe(false);
    expect(ipForwardRow2Schema.safeParse({ ...route, destinationPrefix: { address: 'not an ip', prefixLength: 0 } }).success).toBe(false);
    expect(() =>
      encodeCaptureTables([{ struct: 'MIB_UNICASTIPADDRESS_ROW', bytes: structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-bad-family-unspec') }], { family: 'all' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW' }));
  });

  it('every view of a capture holding one is a data error: exit 1, one line, not usage', async () => {
    const first = offsetOf('MIB_UNICASTIPADDRESS_ROW', 'Address');
    const tables = [
      { struct: 'MIB_UNICASTIPADDRESS_ROW', bytes: structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic') },
      { struct: 'MIB_IPFORWARD_ROW2', bytes: structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic') },
    ];
    const path = patchedCapture('unspec', tables, (body, at) => {
      new DataView(body.buffer, body.byteOffset).setUint16(at('MIB_UNICASTIPADDRESS_ROW') + 8 + first, 0, true); // row 0's si_family
    });
    for (const args of [['addresses'], ['routes'], ['route-to', '8.8.8.8'], ['addresses', '--json']]) {
      const r = await run([...args, '--from', path]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^ipinterface: ERR_IPINTERFACE_INVALID_ROW: .*AF_INET \(2\) or AF_INET6 \(23\)/);
      expect(r.stderr).not.toMatch(/--help/);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
    }
  });
});

describe('2. a captured table claiming more rows than any native table may hold', () => {
  it('is refused before any row is read (no heap exhaustion), with a clear error', () => {
    const bytes = structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic');
    const file = encodeCaptureTables([{ struct: 'MIB_UNICASTIPADDRESS_ROW', bytes }], { family: 'all' });
    const meta = captureMetadataOf(file);
    // 1,000,001 rows' worth of header: NumEntries says so; the body is as long as the metadata claims.
    const rows = 1_000_001;
    const big = new Uint8Array(8 + rows * 80);
    new DataView(big.buffer).setUint32(0, rows, true);
    (meta.tables as { length: number }[])[0]!.length = big.length;
    const t0 = Date.now();
    expect(() => decodeCapture(withCaptureMetadata(file, meta, big))).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_CORRUPT', message: expect.stringMatching(/1000001 rows, more than the 1000000/) }));
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('3. bidi controls, invisible characters and wide graphemes in names', () => {
  it('are escaped in every table cell and in JSON; emoji ZWJ sequences count as two columns', async () => {
    const aliasOffset = offsetOf('MIB_IF_ROW2', 'Alias');
    const rowSize = 1352;
    const names = ['Ethernet\u202E', '\u2066x\u2069', 'a\u200Bb\u200Dc\uFEFF', '🏳️‍🌈'];
    const path = patchedCapture('bidi', [{ struct: 'MIB_IF_ROW2', bytes: structBytes('MIB_IF_ROW2', 'if2-realistic') }], (body, at) => {
      names.forEach((name, i) => {
        const o = at('MIB_IF_ROW2') + 8 + i * rowSize + aliasOffset;
        body.fill(0, o, o + 514);
        body.set(new Uint8Array(Buffer.from(name, 'utf16le')), o);
      });
    });
    const table = await run(['adapters', '--from', path]);
    expect(table.code).toBe(0);
    expect(table.stdout.replace('🏳️‍🌈', '')).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect(table.stdout).toContain('Ethernet\\u202e');
    expect(table.stdout).toContain('\\u2066x\\u2069');
    expect(table.stdout).toContain('a\\u200bb\\u200dc\\ufeff');
    expect(table.stdout).toContain('🏳️‍🌈'); // the ZWJ joining the flag stays
    // Columns line up: the flag takes two columns, so its row's next column starts where the header's does.
    const lines = table.stdout.split('\n');
    const start = lines[0]!.indexOf('InterfaceDescription');
    const flag = lines.find((l) => l.startsWith('🏳️‍🌈'))!;
    expect(flag.slice('🏳️‍🌈'.length).search(/\S/) + 2).toBe(start);
    const json = await run(['adapters', '--json', '--from', path]);
    expect(json.stdout).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    expect((JSON.parse(json.stdout) as { alias: string }[]).slice(0, 4).map((r) => r.alias)).toEqual(names);
  });
});

describe('4. a Date outside the years 0000–9999', () => {
  it('is a RangeError from encodeCapture and encodeCaptureTables, never a ZodError', () => {
    const table = tableBytes('realistic');
    for (const capturedAt of [new Date('+010000-01-01T00:00:00Z'), new Date(Date.UTC(-1, 0, 1))]) {
      expect(() => encodeCapture(table, { family: 'all', capturedAt })).toThrow(RangeError);
      expect(() => encodeCaptureTables([{ struct: 'MIB_IPINTERFACE_ROW', bytes: table }], { family: 'all', capturedAt })).toThrow(/years 0000 to 9999/);
    }
    expect(() => encodeCapture(table, { family: 'all', capturedAt: new Date('9999-12-31T23:59:59Z') })).not.toThrow();
  });
});

describe('5. huge keys and values in messages', () => {
  const huge = 'k'.repeat(16 << 20);
  it('a 16 MB key in capture metadata, or in setIpInterface changes, gives a short message', () => {
    const file = encodeCapture(tableBytes('realistic'), { family: 'all' });
    // A key where the metadata names LUIDs (interfaces: LUID → names): it is checked, and quoted in the error.
    const meta = { ...captureMetadataOf(file), interfaces: { [huge]: { alias: 'x' } } };
    let message = '';
    try {
      decodeCapture(withCaptureMetadata(file, meta));
    } catch (e) {
      message = (e as Error).message;
      expect(e).toMatchObject({ code: 'ERR_CAPTURE_CORRUPT' });
    }
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThan(300);
    expect(() => setIpInterface({ index: 1, family: 'ipv4' } as never, { [huge]: 1 } as never)).toThrow(TypeError);
    try {
      setIpInterface({ index: 1, family: 'ipv4' } as never, { [huge]: 1 } as never);
    } catch (e) {
      expect((e as Error).message.length).toBeLessThan(300);
    }
  });
});

describe('6. arguments are never trusted', () => {
  it('chooseRoute checks its tables: missing, wrong, a route without a prefix length, a string metric', () => {
    const routes = decodeIpForwardTable2(structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic'));
    for (const tables of [undefined, null, {}, { routes: 'x' }]) expect(() => chooseRoute('8.8.8.8', tables as never)).toThrow(TypeError);
    const { prefixLength: _, ...noLength } = routes[0]!.destinationPrefix;
    expect(() => chooseRoute('8.8.8.8', { routes: [{ ...routes[0]!, destinationPrefix: noLength as never }] })).toThrow(/tables\.routes\[0\]\.destinationPrefix\.prefixLength/);
    expect(() => chooseRoute('8.8.8.8', { routes: [{ ...routes[0]!, metric: '1005' as never }] })).toThrow(/tables\.routes\[0\]\.metric/);
    expect(chooseRoute('8.8.8.8', { routes }).effectiveMetric).toBe(0);
  });

  it('captureTables(null) and the message formatter on revoked Proxies and throwing getters: the intended TypeError', () => {
    expect(() => captureTables(null as never)).toThrow(/Expected `options` to be an object, got `null`/);
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = Object.create({ get constructor() { throw new Error('boom'); } }) as object;
    expect(describeValue(revoked.proxy)).toBe('`Proxy` (object)');
    expect(describeValue(throwing)).toBe('`Object` (object)');
    expect(() => makeLuid(revoked.proxy as never)).toThrow(expect.objectContaining({ name: 'TypeError', message: expect.stringContaining('`parts`') }));
    expect(() => makeLuid(throwing as never)).toThrow(/`ifType`/);
    expect(() => makeLuid({ get ifType() { throw new Error('boom'); } } as never)).toThrow(/`parts` .*reading it threw: boom/);
  });
});

describe('7. an IPv4-mapped destination', () => {
  it('is routed as the IPv4 address it stands for (RFC 4291 §2.5.5.2), not via ::/0', async () => {
    const routes = decodeIpForwardTable2(structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic'));
    const mapped = chooseRoute('::ffff:8.8.8.8', { routes });
    expect(mapped).toMatchObject({ family: 'ipv4', nextHop: chooseRoute('8.8.8.8', { routes }).nextHop });
    expect(mapped.route.destinationPrefix).toEqual({ address: '0.0.0.0', prefixLength: 0 });
    const r = await run(['route-to', '::ffff:8.8.8.8', '--json', '--from', example]);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ family: 'ipv4', nextHop: '192.168.1.1' });
  });
});

describe('8. an address with two zones', () => {
  it("'fe80::1%17%12' is a TypeError (API) and bad usage (CLI)", async () => {
    expect(() => getBestRoute('fe80::1%17%12')).toThrow(TypeError);
    expect(() => chooseRoute('fe80::1%17%12', { routes: [] })).toThrow(/`destination`/);
    const r = await run(['route-to', 'fe80::1%17%12', '--from', example]);
    expect(r.code).toBe(2);
  });
});

describe('9. prefix lengths out of range', () => {
  it.each([
    ['MIB_IPFORWARD_ROW2', 'forward-bad-prefix-length-v4', 2, 'destinationPrefix', 33],
    ['MIB_IPFORWARD_ROW2', 'forward-bad-prefix-length-v6', 11, 'destinationPrefix', 129],
    ['MIB_UNICASTIPADDRESS_ROW', 'unicast-bad-on-link-prefix', 1, 'onLinkPrefixLength', 33],
  ] as const)('%s %s: refused', (struct, name, rowIndex, field, rawValue) => {
    const decode = struct === 'MIB_IPFORWARD_ROW2' ? decodeIpForwardTable2 : decodeUnicastIpAddressTable;
    expect(() => decode(structBytes(struct, name))).toThrow(expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex, field, rawValue }));
  });
  it('and the schemas refuse them', () => {
    const [route] = decodeIpForwardTable2(structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic'));
    expect(ipForwardRow2Schema.safeParse({ ...route, destinationPrefix: { address: '10.0.0.0', prefixLength: 33 } }).success).toBe(false);
    expect(ipForwardRow2Schema.safeParse({ ...route, destinationPrefix: { address: '::', prefixLength: 129 } }).success).toBe(false);
    const [address] = decodeUnicastIpAddressTable(structBytes('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic'));
    expect(unicastIpAddressRowSchema.safeParse({ ...address, address: '192.0.2.1', onLinkPrefixLength: 33 }).success).toBe(false);
    expect(unicastIpAddressRowSchema.safeParse({ ...address, address: '2001:db8::1', onLinkPrefixLength: 33 }).success).toBe(true);
  });
});

describe('10. an Alias with no NUL', () => {
  it('is an invalid row, as the LUID conversions call such a string a bad result', () => {
    expect(() => decodeIfTable2(structBytes('MIB_IF_ROW2', 'if2-bad-alias-no-nul'))).toThrow(
      expect.objectContaining({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 4, field: 'alias', rawValue: 257 }),
    );
  });
});

describe('11. stderr closed', () => {
  it('a usage error still exits 2 (no uncaught EPIPE)', async () => {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stderr.destroy();
      child.on('exit', resolve);
    });
    expect(code).toBe(2);
  });
});

describe('12. a capture without a view’s table', () => {
  it('every view, the interfaces view included, says so the same way', async () => {
    const path = join(scratch, 'routes-only.ipcap');
    writeFileSync(path, encodeCaptureTables([{ struct: 'MIB_IPFORWARD_ROW2', bytes: structBytes('MIB_IPFORWARD_ROW2', 'forward-realistic') }], { family: 'all' }));
    for (const view of ['interfaces', 'adapters', 'addresses', 'neighbors', 'connections', 'udp']) {
      const r = await run([view, '--from', path]);
      expect(r.code, view).toBe(2);
      expect(r.stderr, view).toMatch(/^ipinterface: This capture holds no .* table/);
    }
  });
});

describe('13. the sizes in the CLI’s capture messages', () => {
  it('are the whole file’s, as the API says them', async () => {
    const file = readFileSync(example);
    const cases: [string, Buffer, RegExp][] = [
      ['short-by-one', file.subarray(0, file.length - 1), new RegExp(`should be ${file.length} bytes long .*, the file has ${file.length - 1}: it is truncated`)],
      ['eight-bytes', file.subarray(0, 8), /its header needs 24 bytes, the file has 8/],
      ['appended', Buffer.concat([file, Buffer.alloc(1_000_000)]), new RegExp(`the file has ${file.length + 1_000_000}: it has trailing bytes`)],
    ];
    for (const [name, bytes, message] of cases) {
      const path = join(scratch, `${name}.ipcap`);
      writeFileSync(path, bytes);
      const r = await run(['--from', path]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      let api = '';
      try {
        decodeCapture(bytes);
      } catch (e) {
        api = (e as Error).message;
      }
      expect(api, name).toMatch(message);
    }
  });
});

describe('14. --from a FIFO, /dev/stdin, a process substitution', () => {
  it('a FIFO with no writer is refused after a bounded wait; a valid capture through a FIFO or /dev/stdin is read', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(scratch, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const none = await run(['--from', fifo]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/ERR_CAPTURE_NOT_A_CAPTURE: .*no writer/);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const writer = spawn('sh', ['-c', `sleep 0.3; cat '${example}' > '${fifo}'`]);
    const through = await run(['adapters', '--from', fifo]);
    writer.kill();
    expect(through.stderr).toBe('');
    expect(through.code).toBe(0);
    expect(through.stdout).toMatch(/^Name +InterfaceDescription/);
    const stdin = await run(['adapters', '--from', '/dev/stdin'], readFileSync(example));
    expect(stdin.code).toBe(0);
    expect(stdin.stdout).toMatch(/^Name +InterfaceDescription/);
    const substitution = await new Promise<string>((resolve) =>
      execFile('bash', ['-c', `'${process.execPath}' '${bin}' adapters --from <(cat '${example}')`], (_e, stdout) => resolve(stdout)),
    );
    expect(substitution).toMatch(/^Name +InterfaceDescription/);
  }, 30_000);
});

describe('15. control characters from the command line', () => {
  it('are escaped in every usage error', async () => {
    for (const args of [['--family', '\u001b]0;x\u0007'], ['route-to', '\u001b[31mred', '--from', example], ['--\u001b[31m'], ['route-to', '8.8.8.8', '--source', '\u202e1.2.3.4', '--from', example]]) {
      const r = await run(args);
      expect(r.code, JSON.stringify(args)).toBe(2);
      oneLine(r.stderr);
    }
  });
});

describe('16. messages that mislead', () => {
  it('--dad-transmits 1e23 and --mtu beyond 32 bits name the real limit', async () => {
    const r = await run(['set', '12', '--family', 'ipv4', '--mtu', '99999999999999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/from 0 to 4294967295/);
    expect(() => setIpInterface({ index: 12, family: 'ipv4' } as never, { dadTransmits: 1e23 })).toThrow(/from 0 to 4294967295/);
  });

  it('route-to on a capture does not claim GetBestRoute2 was called; a source no interface has says so; the Linux hint keeps the destination', async () => {
    const none = await run(['route-to', '8.8.8.8', '--interface', '9', '--from', example]);
    expect(none.code).toBe(1);
    expect(none.stderr).not.toMatch(/GetBestRoute2/);
    expect(none.stderr).toMatch(/ERROR_NETWORK_UNREACHABLE: No route to 8\.8\.8\.8/);
    const source = await run(['route-to', '8.8.8.8', '--source', '10.9.9.9', '--from', example]);
    expect(source.code).toBe(1);
    expect(source.stderr).toMatch(/No interface has the source address 10\.9\.9\.9/);
    if (process.platform !== 'win32') {
      const hint = await run(['route-to', '8.8.8.8']);
      expect(hint.stderr).toContain('run: ipinterface route-to 8.8.8.8 --from FILE');
    }
  });
});
