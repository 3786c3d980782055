// The real `ipinterface` bin (dist/cli.js, built by `npm test`) on this OS: every
// option's output and exit code. The Windows side is in test/wine/cli.test.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../src/cli/render.js';
import { decodeCapture } from '../src/index.js';
import { captureMetadataOf, reviveRow, root, tableJson, withCaptureMetadata } from './helpers.js';

const bin = join(root, 'dist', 'cli.js');
const capture = join(root, 'examples', 'laptop.ipcap');
const realistic = tableJson('realistic').rows!;

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'ipinterface-cli-'));

describe('ipinterface (the bin)', () => {
  it('--help and -h print usage listing every option; exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      for (const option of ['--family', '--json', '--ndjson', '--fields', '--watch', '--save', '--from', '--help', '--version']) {
        expect(r.stdout).toContain(option);
      }
    }
  });

  it('--version and -v print the package version', async () => {
    const { version } = require(join(root, 'package.json')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await run([flag])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('--from decodes the bundled capture into the Get-NetIPInterface table, sorted by index then family', async () => {
    const r = await run(['--from', capture]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ifIndex +InterfaceAlias +AddressFamily +NlMtu\(Bytes\) +InterfaceMetric +ConnectionState +Forwarding +RouterDiscovery +DadTransmits$/);
    expect(lines[1]).toMatch(/^-+( -+)+$/);
    const body = lines.slice(2);
    expect(body).toHaveLength(realistic.length);
    const expected = [...realistic].sort((a, b) => (a.interfaceIndex as number) - (b.interfaceIndex as number) || String(a.family).localeCompare(String(b.family)));
    body.forEach((line, i) => {
      const row = expected[i]!;
      expect(line.startsWith(String(row.interfaceIndex))).toBe(true);
      expect(line).toContain(row.family === 'ipv4' ? 'IPv4' : 'IPv6');
      expect(line).toContain(String(row.nlMtu));
      expect(line).toContain(row.connected ? 'Connected' : 'Disconnected');
    });
    expect(body[0]).toContain('Loopback Pseudo-Interface 1');
    // Columns are aligned: every "AddressFamily" cell starts at the same offset.
    const column = lines[0]!.indexOf('AddressFamily');
    for (const line of body) expect(line.slice(column, column + 4)).toMatch(/^IPv[46]$/);
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a TTY
  });

  it('colour only when asked or on a TTY: bold header, red Disconnected', () => {
    const rows = decodeCapture(require('node:fs').readFileSync(capture)).rows.map((r) => ({ ...r, alias: null, name: null }));
    expect(renderTable(rows, undefined, false)).not.toContain('\u001b[');
    const colored = renderTable(rows, undefined, true);
    expect(colored).toContain('\u001b[1mifIndex');
    expect(colored).toContain('\u001b[31mDisconnected');
  });

  it('--json prints every field, 64-bit values as decimal strings, plus alias and name', async () => {
    const r = await run(['--from', capture, '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map(({ alias, name, ...row }) => row)).toEqual(realistic);
    expect(rows[0]).toMatchObject({ alias: 'Loopback Pseudo-Interface 1', name: 'loopback_0', interfaceLuid: '6755399441055744' });
  });

  it('--ndjson prints one row per line; --family filters', async () => {
    const r = await run(['--from', capture, '--ndjson', '--family', 'ipv6']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map(({ alias, name, ...row }) => row)).toEqual(realistic.filter((x) => x.family === 'ipv6'));
  });

  it('--fields picks JSON keys and table columns, in the order given', async () => {
    const json = await run(['--from', capture, '--json', '--fields', 'interfaceIndex,alias,nlMtu']);
    expect(JSON.parse(json.stdout)[1]).toEqual({ interfaceIndex: 12, alias: 'Ethernet', nlMtu: 1500 });
    const table = await run(['--from', capture, '--fields', 'nlMtu,interfaceIndex,weakHostSend']);
    expect(table.stdout.split('\n')[0]).toMatch(/^NlMtu\(Bytes\) +ifIndex +weakHostSend$/);
  });

  it('bad usage exits 2 with one message on stderr', async () => {
    for (const args of [
      ['--bogus'],
      ['--family', 'ipx'],
      ['--family'],
      ['--json', '--ndjson'],
      ['--fields', 'nlMtu,nope'],
      ['--fields', ''],
      ['--from', capture, '--watch'],
      ['--from', capture, '--save', 'x.ipcap'],
      ['--watch', '--save', 'x.ipcap'],
      ['extra'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/^ipinterface: .+\nRun `ipinterface --help` for usage\.\n$/);
    }
    expect((await run(['--family', 'ipx'])).stderr).toContain('Expected `--family` to be ipv4, ipv6 or all, got `ipx`');
    expect((await run(['--fields', 'nlMtu,nope'])).stderr).toContain('Unknown field in --fields: nope');
  });

  it('an unreadable or corrupt capture exits 1 with the error code on stderr', async () => {
    const missing = await run(['--from', join(scratch, 'missing.ipcap')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^ipinterface: ENOENT: /);
    const corrupt = join(scratch, 'corrupt.ipcap');
    const bytes = require('node:fs').readFileSync(capture) as Buffer;
    bytes[bytes.length - 5]! ^= 0xff;
    writeFileSync(corrupt, bytes);
    expect(await run(['--from', corrupt])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^ipinterface: ERR_CAPTURE_CORRUPT: /) });
    const notCapture = join(scratch, 'table.bin');
    writeFileSync(notCapture, 'hello');
    expect(await run(['--from', notCapture])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^ipinterface: ERR_CAPTURE_NOT_A_CAPTURE: /) });
  });

  it.runIf(process.platform !== 'win32')('off Windows, without --from: one line saying it needs Windows and how to decode a capture; exit 1', async () => {
    for (const args of [[], ['--json'], ['--watch'], ['--save', join(scratch, 'x.ipcap')]]) {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/needs Windows .*ipinterface --from FILE/);
    }
  });

  it('a capture decoded with --json equals decoding it with the API', async () => {
    const r = await run(['--from', capture, '--json']);
    const api = decodeCapture(require('node:fs').readFileSync(capture)).rows;
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map(({ alias, name, ...row }) => row)).toEqual(api.map((row) => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))));
    expect(api.map((row) => ({ ...row }))).toEqual(realistic.map(reviveRow));
  });
});

describe('ipinterface set (usage, any OS)', () => {
  it('bad usage exits 2 naming the problem', async () => {
    for (const [args, message] of [
      [['set', '12', '--metric', '5'], /needs `--family ipv4` or `--family ipv6`/],
      [['set', '12', '--family', 'ipv4'], /needs at least one setting/],
      [['set', '--family', 'ipv4', '--metric', '5'], /takes one interface/],
      [['set', '12', '--family', 'ipv4', '--metric', 'five'], /`--metric` to be a whole number, got `five`/],
      [['set', '12', '--family', 'ipv4', '--forwarding', 'maybe'], /`--forwarding` to be enabled or disabled, got `maybe`/],
      [['set', '12', '--family', 'ipv4', '--bogus', '1'], /Unknown option '--bogus'/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it.runIf(process.platform !== 'win32')('off Windows: exit 1, needs Windows', async () => {
    const r = await run(['set', '12', '--family', 'ipv4', '--metric', '5']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/changing settings needs Windows/);
  });
});

describe('ipinterface adapters (the bin, from captures)', () => {
  const if2Dir = join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2');
  const if2 = (name: string) => JSON.parse(require('node:fs').readFileSync(join(if2Dir, `${name}.json`), 'utf8')) as { rows: Record<string, unknown>[] };
  const adapters = if2('if2-realistic').rows;

  it('shows the Get-NetAdapter table: Name, InterfaceDescription, ifIndex, Status, MacAddress, LinkSpeed, sorted by name', async () => {
    const r = await run(['adapters', '--from', capture]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Name +InterfaceDescription +ifIndex +Status +MacAddress +LinkSpeed$/);
    expect(lines).toHaveLength(2 + adapters.length);
    const byName = [...adapters].sort((a, b) => String(a.alias).localeCompare(String(b.alias)));
    lines.slice(2).forEach((line, i) => expect(line.startsWith(String(byName[i]!.alias))).toBe(true));
    const eth = lines.find((l) => l.startsWith('Ethernet '))!; // C printed: index 12, up, 02:5e:11:22:33:44, 1000000000 bit/s
    expect(eth).toMatch(/ 12 +Up +02-5E-11-22-33-44 +1 Gbps$/);
    expect(lines.find((l) => l.startsWith('Wi-Fi'))).toMatch(/ 17 +Up +3A-8F-2B-FF-FE-11-0C-4D +866\.7 Mbps$/);
    expect(lines.find((l) => l.startsWith('Ethernet 2'))).toMatch(/ 9 +Disconnected +00-1B-21-A7-9E-03 +0 bps$/);
    // A CJK alias takes two terminal columns per character: the next column still lines up.
    const column = lines[0]!.indexOf('InterfaceDescription');
    const bt = lines.find((l) => l.startsWith('Bluetooth'))!;
    expect(bt.indexOf('Bluetooth Device') + 2).toBe(column); // 蓝牙: 2 characters, 4 columns
  });

  it('--json has every MIB_IF_ROW2 member, 64-bit values as decimal strings; --fields picks', async () => {
    const r = await run(['adapters', '--from', capture, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(adapters);
    const nd = await run(['adapters', '--from', capture, '--ndjson', '--fields', 'interfaceIndex,physicalAddress,operStatus,inOctets']);
    expect(nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(
      adapters.map((a) => ({ interfaceIndex: a.interfaceIndex, physicalAddress: a.physicalAddress, operStatus: a.operStatus, inOctets: a.inOctets })),
    );
  });

  it('names from data never reach the terminal as control characters', async () => {
    const { encodeCaptureTables } = await import('../src/index.js');
    const file = join(scratch, 'extremes.ipcap');
    const bytes = new Uint8Array(require('node:fs').readFileSync(join(if2Dir, 'if2-extremes.bin')));
    writeFileSync(file, encodeCaptureTables([{ struct: 'MIB_IF_ROW2', bytes }], { family: 'all' }));
    const r = await run(['adapters', '--from', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2 + if2('if2-extremes').rows.length); // a newline in an alias fakes no row
    expect(r.stdout).toContain('tab\\u0009nl\\u000a');
  });

  it('bad usage exits 2: interfaces-only options, unknown fields, a capture without adapters', async () => {
    const v1 = join(scratch, 'v1.ipcap');
    const { encodeCapture } = await import('../src/index.js');
    writeFileSync(v1, encodeCapture(require('node:fs').readFileSync(join(root, 'fixtures', 'c', 'tables', 'realistic.bin')), { family: 'all' }));
    for (const [args, message] of [
      [['adapters', '--family', 'ipv4', '--from', capture], /--family is not an option of `ipinterface adapters`/],
      [['adapters', '--watch'], /--watch is not an option of `ipinterface adapters`/],
      [['adapters', '--from', capture, '--fields', 'nlMtu'], /Unknown field in --fields: nlMtu/],
      [['adapters', '--from', v1], /holds no adapter table/],
      [['adapters', 'extra'], /Unexpected argument 'extra'/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it.runIf(process.platform !== 'win32')('off Windows without --from: needs Windows, names the view; exit 1', async () => {
    const r = await run(['adapters']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/reading this system's adapters needs Windows .*ipinterface adapters --from FILE/);
  });

  it('the interfaces view of a version 2 capture takes aliases from the adapter table', async () => {
    const r = await run(['--from', capture, '--json', '--fields', 'interfaceIndex,alias,description,physicalAddress,operStatus']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const row of rows) {
      const adapter = adapters.find((a) => a.interfaceIndex === row.interfaceIndex)!;
      expect(row).toEqual({ interfaceIndex: adapter.interfaceIndex, alias: adapter.alias, description: adapter.description, physicalAddress: adapter.physicalAddress, operStatus: adapter.operStatus });
    }
  });
});

describe('decoding where code generation from strings is refused (hardened Node, a strict CSP)', () => {
  it('every view prints the same table and JSON under --disallow-code-generation-from-strings as without it', async () => {
    const exec = (flags: string[], args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [...flags, bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } }, (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    for (const view of [[], ['adapters'], ['addresses'], ['routes'], ['neighbors'], ['route-to', '8.8.8.8'], ['route-to', '2001:db8::1']]) {
      for (const format of [[], ['--json']]) {
        const args = [...view, '--from', capture, ...format];
        const normal = await exec([], args);
        const hardened = await exec(['--disallow-code-generation-from-strings'], args);
        expect(normal.code, args.join(' ')).toBe(0);
        expect(hardened, args.join(' ')).toEqual(normal);
      }
    }
  }, 60_000);
});

describe('decoding needs nothing native', () => {
  it('with native addons disabled (node --experimental-permission), both views decode a capture, and so does the API', async () => {
    const permission = ['--experimental-permission', `--allow-fs-read=*`];
    const exec = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [...permission, ...args], { cwd: root }, (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    const interfaces = await exec([bin, '--from', capture, '--json']);
    expect(interfaces.code, interfaces.stderr).toBe(0);
    expect((JSON.parse(interfaces.stdout) as unknown[]).length).toBe(realistic.length);
    const adapters = await exec([bin, 'adapters', '--from', capture, '--ndjson', '--fields', 'alias']);
    expect(adapters.code, adapters.stderr).toBe(0);
    expect(adapters.stdout).toContain('"alias":"Wi-Fi"');
    const api = await exec([
      '-e',
      `const p = require(${JSON.stringify(join(root, 'dist', 'index.js'))});
       const c = p.decodeCapture(require('fs').readFileSync(${JSON.stringify(capture)}));
       const koffi = Object.keys(require.cache).some((k) => /[\\\\/]koffi[\\\\/]/.test(k));
       console.log(JSON.stringify({ rows: c.rows.length, adapters: c.adapters.length, koffi }));`,
    ]);
    expect(api.code, api.stderr).toBe(0);
    expect(JSON.parse(api.stdout)).toEqual({ rows: realistic.length, adapters: 8, koffi: false });
  });
});

describe('ipinterface addresses / routes / neighbors / route-to (the bin, from the bundled capture)', () => {
  const structs = join(root, 'fixtures', 'c', 'structs');
  const cRows = (dir: string, name: string) =>
    (JSON.parse(require('node:fs').readFileSync(join(structs, dir, `${name}.json`), 'utf8')) as { rows: Record<string, unknown>[] }).rows;
  const aliasOf = new Map(cRows('MIB_IF_ROW2', 'if2-realistic').map((a) => [a.interfaceLuid, a.alias]));
  const family = (address: string) => (address.includes(':') ? 'ipv6' : 'ipv4');

  it('--json of each view is the C-printed rows plus the interface alias from the adapter table', async () => {
    for (const [view, dir, name] of [
      ['addresses', 'MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic'],
      ['neighbors', 'MIB_IPNET_ROW2', 'ipnet-realistic'],
    ] as const) {
      const r = await run([view, '--from', capture, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const expected = cRows(dir, name).map((row) => ({ ...row, interfaceAlias: aliasOf.get(row.interfaceLuid) ?? null }));
      const sortKey = (x: Record<string, unknown>) => `${String(x.interfaceIndex).padStart(10)} ${x.address}`;
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
      expect(new Set((JSON.parse(r.stdout) as unknown[]).map((x) => JSON.stringify(x)))).toEqual(new Set(expected.map((x) => JSON.stringify(x))));
    }
    const routes = JSON.parse((await run(['routes', '--from', capture, '--json'])).stdout) as Record<string, unknown>[];
    expect(routes).toHaveLength(cRows('MIB_IPFORWARD_ROW2', 'forward-realistic').length);
    for (const route of routes) expect(cRows('MIB_IPFORWARD_ROW2', 'forward-realistic')).toContainEqual(Object.fromEntries(Object.entries(route).filter(([k]) => k !== 'interfaceAlias' && k !== 'interfaceMetric')));
  });

  it('--family filters; the tables are shaped like Get-NetIPAddress, Get-NetRoute and Get-NetNeighbor', async () => {
    const v4 = JSON.parse((await run(['addresses', '--from', capture, '--family', 'ipv4', '--json'])).stdout) as { address: string }[];
    expect(v4.length).toBe(cRows('MIB_UNICASTIPADDRESS_ROW', 'unicast-realistic').filter((r) => family(r.address as string) === 'ipv4').length);
    expect(v4.every((r) => family(r.address) === 'ipv4')).toBe(true);
    expect((await run(['addresses', '--from', capture])).stdout.split('\n')[0]).toMatch(/^ifIndex +InterfaceAlias +IPAddress +PrefixLength +PrefixOrigin +SuffixOrigin +AddressState +ValidLifetime$/);
    expect((await run(['routes', '--from', capture])).stdout.split('\n')[0]).toMatch(/^ifIndex +DestinationPrefix +NextHop +RouteMetric +ifMetric +Protocol +InterfaceAlias$/);
    const neighbors = (await run(['neighbors', '--from', capture])).stdout.split('\n');
    expect(neighbors[0]).toMatch(/^ifIndex +IPAddress +LinkLayerAddress +State +IsRouter +InterfaceAlias$/);
    expect(neighbors.find((l) => l.includes(' 192.168.1.1 '))).toMatch(/^12 +192\.168\.1\.1 +F4-92-BF-0A-3C-11 +Reachable +False +Ethernet$/);
  });

  it('route-to: the route chosen from the captured tables by the documented rule (Ethernet: 0 + 25 beats Wi-Fi: 0 + 35)', async () => {
    const r = await run(['route-to', '8.8.8.8', '--from', capture, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [best] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(best).toMatchObject({ destination: '8.8.8.8', family: 'ipv4', interfaceIndex: 12, interfaceAlias: 'Ethernet', nextHop: '192.168.1.1', sourceAddress: '192.168.1.23', routeMetric: 0, interfaceMetric: 25, effectiveMetric: 25, method: 'forwardTable' });
    const wifi = JSON.parse((await run(['route-to', '8.8.8.8', '--from', capture, '--json', '--interface', '17'])).stdout)[0];
    expect(wifi).toMatchObject({ interfaceIndex: 17, nextHop: '192.168.50.1', sourceAddress: '192.168.50.117' });
    const table = await run(['route-to', '10.8.0.9', '--from', capture]);
    expect(table.stdout.split('\n')[2]).toMatch(/^23 +wg0 +10\.8\.0\.2 +10\.8\.0\.0\/24 +0\.0\.0\.0 /);
  });

  it('route-to and view usage errors exit 2; no route exits 1 with the system code', async () => {
    for (const [args, message] of [
      [['route-to', '--from', capture], /needs a destination address/],
      [['route-to', 'example.com', '--from', capture], /Expected the address after `route-to` to be an IPv4 or IPv6 address .*, got `.example.com.`/],
      [['route-to', '8.8.8.8', '9.9.9.9', '--from', capture], /Unexpected argument '9.9.9.9'/],
      [['route-to', '8.8.8.8', '--family', 'ipv4', '--from', capture], /--family is not an option of `ipinterface route-to`/],
      [['route-to', '8.8.8.8', '--source', 'nope', '--from', capture], /`--source` to be an IPv4 or IPv6 address/],
      [['routes', '--source', '1.2.3.4', '--from', capture], /--source and --interface are options of `ipinterface route-to`/],
      [['neighbors', '--watch'], /--watch is not an option of `ipinterface neighbors`/],
    ] as const) {
      const r = await run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    const none = await run(['route-to', '8.8.8.8', '--from', capture, '--interface', '9']);
    expect(none).toMatchObject({ code: 1, stderr: expect.stringMatching(/^ipinterface: ERROR_NETWORK_UNREACHABLE: /) });
  });
});

describe('ipinterface config / dns (the bin, from the bundled capture: the x64 list C built)', () => {
  const adapters = (JSON.parse(require('node:fs').readFileSync(join(root, 'fixtures', 'c', 'adapters', 'x64', 'realistic.json'), 'utf8')) as { adapters: Record<string, unknown>[] }).adapters;
  const named = (name: string) => adapters.find((a) => a.friendlyName === name)! as { dnsServers: string[]; gateways: string[]; unicastAddresses: { address: string; prefixLength: number }[]; dnsSuffix: string };

  it('config: one block per adapter in Windows\' order, labels aligned, addresses with prefix lengths, gateways, DNS servers', async () => {
    const r = await run(['config', '--from', capture]);
    expect(r.code).toBe(0);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(adapters.map((a) => `${a.friendlyName as string}:`));
    const ethernet = blocks.find((b) => b.startsWith('Ethernet:'))!;
    for (const u of named('Ethernet').unicastAddresses) expect(ethernet).toContain(`/${u.prefixLength} (`);
    for (const g of named('Ethernet').gateways) expect(ethernet).toContain(g);
    for (const s of named('Ethernet').dnsServers) expect(ethernet).toContain(s);
    expect(ethernet).toMatch(/\n {3}DHCP {14}enabled, server /);
    // Every value starts in one column.
    const starts = new Set(ethernet.split('\n').slice(1).map((line) => line.search(/(?<=^ {3}[A-Za-z ,]*? {2,})\S/)));
    expect(starts.size).toBe(1);
  });

  it('config --family ipv4 keeps only IPv4 addresses; --json has every member (64-bit values as strings)', async () => {
    const v4 = await run(['config', '--from', capture, '--family', 'ipv4']);
    expect(v4.stdout).not.toMatch(/^ {3}Addresses .*:/m);
    const json = JSON.parse((await run(['config', '--from', capture, '--json'])).stdout) as Record<string, unknown>[];
    expect(json.map((a) => a.friendlyName)).toEqual(adapters.map((a) => a.friendlyName));
    expect(json[0]).toEqual(adapters[0]);
  });

  it('dns: Get-DnsClientServerAddress\'s columns, adapters that are up, lowest metric first', async () => {
    const r = await run(['dns', '--from', capture]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^InterfaceAlias +Interface Index +Address Family +ServerAddresses$/);
    const ethernet = lines.find((l) => /^Ethernet +12 +IPv4 /.test(l))!;
    expect(ethernet).toContain(`{${named('Ethernet').dnsServers.filter((s) => !s.includes(':')).join(', ')}}`);
    expect(lines.some((l) => l.startsWith('Bluetooth'))).toBe(false); // down
    const ndjson = (await run(['dns', '--from', capture, '--ndjson'])).stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { metric: number });
    for (let i = 1; i < ndjson.length; i++) expect(ndjson[i]!.metric).toBeGreaterThanOrEqual(ndjson[i - 1]!.metric);
  });

  it('bad usage exits 2; a capture without the list says so; off Windows the live view says it needs Windows', async () => {
    expect(await run(['config', '--watch', '--from', capture])).toMatchObject({ code: 2 });
    expect(await run(['dns', '--state', 'listen', '--from', capture])).toMatchObject({ code: 2 });
    expect(await run(['config', '--from', capture, '--fields', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown field') });
    expect(await run(['config', '--from', join(root, 'fixtures', 'captures', 'v2-laptop.ipcap')])).toMatchObject({ code: 2, stderr: expect.stringContaining('holds no adapter configuration') });
    if (process.platform !== 'win32') expect(await run(['dns'])).toMatchObject({ code: 1, stderr: expect.stringContaining('needs Windows') });
  });

  it('a capture whose list points outside itself exits 1 naming the code, and prints nothing of it', async () => {
    const file = new Uint8Array(require('node:fs').readFileSync(capture) as Buffer);
    const meta = captureMetadataOf(file);
    const tables = meta.tables!.map((t) => (t.struct === 'IP_ADAPTER_ADDRESSES_LH' ? { ...t, base: '0x100000000' } : t));
    const path = join(scratch, 'moved-list.ipcap');
    writeFileSync(path, withCaptureMetadata(file, { ...meta, tables }));
    expect(await run(['config', '--from', path])).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('ERR_IPINTERFACE_BAD_POINTER') });
  });
});

describe('ipinterface route add / delete (usage and --dry-run, any OS)', () => {
  it('--dry-run prints the validated row it would write and exits 0, on any OS', async () => {
    const r = await run(['route', 'add', '10.0.0.0/8', '--via', '192.168.1.1', '--interface', '12', '--metric', '5', '--dry-run']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('would add (after InitializeIpForwardEntry): destinationPrefix={"address":"10.0.0.0","prefixLength":8} nextHop=192.168.1.1 interfaceIndex=12 metric=5\n');
    const json = JSON.parse((await run(['route', 'delete', '2001:db8::/32', '--interface', '17', '--dry-run', '--json'])).stdout) as { dryRun: string; row: Record<string, unknown> };
    // On-link: the next hop is the family's unspecified address.
    expect(json).toEqual({ dryRun: 'delete', row: { destinationPrefix: { address: '2001:db8::', prefixLength: 32 }, nextHop: '::', interfaceIndex: 17 } });
  });

  it.each([
    [['route'], /expected add or delete/],
    [['route', 'frob', '10.0.0.0/8'], /expected add or delete, got `frob`/],
    [['route', 'add'], /needs a destination prefix/],
    [['route', 'add', '10.0.0.0/8'], /needs `--interface INDEX`/],
    [['route', 'add', '10.0.0.0/8', '--interface', 'eth0'], /`--interface` to be an interface index/],
    [['route', 'add', '10.0.0.0/8', '--interface', '12', '--metric', 'low'], /`--metric` to be a whole number/],
    [['route', 'add', '10.0.0.1/8', '--interface', '12'], /host bits zero.*did you mean '10.0.0.0\/8'/],
    [['route', 'add', '10.0.0.0/8', '--via', 'fe80::1', '--interface', '12'], /`route.nextHop` to be an IPv4 address/],
    [['route', 'add', '10.0.0.0/8', '--interface', '12', '--if-missing', 'ignore'], /--if-missing is an option of `route delete`/],
    [['route', 'delete', '10.0.0.0/8', '--interface', '12', '--metric', '5'], /--metric and --replace are options of `route add`/],
    [['route', 'add', '10.0.0.0/8', '--interface', '12', 'extra'], /Unexpected argument 'extra'/],
    [['route', 'add', '10.0.0.0/8', '--interface', '12', '--bogus'], /Unknown option '--bogus'/],
  ])('bad usage exits 2 before any platform check: %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('address add / delete: --dry-run prints the row; bad values exit 2', async () => {
    expect(await run(['address', 'add', '10.0.0.5/24', '--interface', '12', '--dry-run'])).toMatchObject({
      code: 0,
      stdout: 'would add (after InitializeUnicastIpAddressEntry): address=10.0.0.5 interfaceIndex=12 onLinkPrefixLength=24\n',
    });
    expect(await run(['address', 'add', '10.0.0.5', '--interface', '12'])).toMatchObject({ code: 2, stderr: expect.stringContaining('on-link prefix length') });
    expect(await run(['address', 'add', '10.0.0.5/24', '--via', '10.0.0.1', '--interface', '12'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--via and --metric are options of `route add`') });
    expect(await run(['address', 'delete', '224.0.0.1', '--interface', '12'])).toMatchObject({ code: 2, stderr: expect.stringContaining('multicast') });
  });

  it('dns set / show: --dry-run prints one Set per family; bad values exit 2; the dns view still works', async () => {
    expect(await run(['dns', 'set', '--interface', '12', '1.1.1.1', '2606:4700:4700::1111', '--search', 'corp.example', '--dry-run'])).toMatchObject({
      code: 0,
      stdout:
        'would set on interface 12: {"family":"ipv4","nameServers":["1.1.1.1"],"searchList":["corp.example"]}\n' +
        'would set on interface 12: {"family":"ipv6","nameServers":["2606:4700:4700::1111"],"searchList":["corp.example"]}\n',
    });
    expect(await run(['dns', 'set', '--interface', '12', 'fe80::1%3'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no zone') });
    expect(await run(['dns', 'set', '--interface', '12', 'dns.example'])).toMatchObject({ code: 2, stderr: expect.stringContaining('`settings.nameServers[0]`') });
    expect(await run(['dns', 'set', '--interface', '12', '--search', 'a b'])).toMatchObject({ code: 2, stderr: expect.stringContaining('DNS name') });
    expect(await run(['dns', 'set', '--interface', '12'])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs servers') });
    expect(await run(['dns', 'show'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--interface INDEX') });
    expect(await run(['dns', 'show', '--interface', '12', '1.1.1.1'])).toMatchObject({ code: 2 });
    expect((await run(['dns', '--from', capture])).code).toBe(0);
  });

  it.runIf(process.platform !== 'win32')('a valid write off Windows exits 1 saying it needs Windows', async () => {
    expect(await run(['route', 'add', '10.0.0.0/8', '--interface', '12'])).toMatchObject({ code: 1, stderr: expect.stringContaining('needs Windows') });
  });
});
