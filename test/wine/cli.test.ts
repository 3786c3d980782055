// The real `ipinterface` bin in Windows Node under Wine, against the stand-in DLL
// (its scenario and notifications set through the environment, since the test
// cannot reach into the process).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { root, tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindows } from './windows-node.js';

const bin = join(root, 'dist', 'cli.js');
const realistic = tableJson('realistic').rows!;
const ALIASES: Record<number, string> = { 1: 'Loopback Pseudo-Interface 1', 12: 'Ethernet', 17: 'Wi-Fi', 9: 'Ethernet 2', 14: 'Teredo Tunneling Pseudo-Interface', 23: 'wg0', 31: 'isatap.{8A1F5C2E-3B7D-4E19-9C6A-2F0D1B4E7A93}' };

describeWithTools('ipinterface bin in Windows Node under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  it('prints the live table with aliases, sorted and aligned; exit 0', async () => {
    const r = await runWindows([bin]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split(/\r?\n/);
    expect(lines[0]).toMatch(/^ifIndex +InterfaceAlias +AddressFamily/);
    expect(lines).toHaveLength(2 + realistic.length);
    expect(lines[2]).toMatch(/^1 +Loopback Pseudo-Interface 1 +IPv4 +4294967295 +75 \(auto\) +Connected/);
    expect(r.stdout).toContain('Wi-Fi');
  });

  it('--json / --ndjson / --family / --fields on the live table', async () => {
    const json = await runWindows([bin, '--json']);
    expect(json.exitCode).toBe(0);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows.map(({ alias, name, ...row }) => row)).toEqual(realistic);
    for (const row of rows) expect(row.alias).toBe(ALIASES[row.interfaceIndex as number]);
    const nd = await runWindows([bin, '--ndjson', '--family', 'ipv4', '--fields', 'interfaceIndex,alias,metric']);
    expect(nd.stdout.trimEnd().split(/\r?\n/).map((l) => JSON.parse(l))).toEqual(
      realistic.filter((x) => x.family === 'ipv4').map((x) => ({ interfaceIndex: x.interfaceIndex, alias: ALIASES[x.interfaceIndex as number], metric: x.metric })),
    );
  });

  it('--save writes a capture on Windows that --from decodes on Linux, aliases included', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ipinterface-save-')), 'table.ipcap');
    const saved = await runWindows([bin, '--save', file, '--family', 'ipv6']);
    expect(saved.exitCode).toBe(0);
    expect(saved.stderr).toMatch(/Saved \d+ interfaces to /);
    const decoded = JSON.parse(execFileSync(process.execPath, [bin, '--from', file, '--json'], { encoding: 'utf8' })) as Record<string, unknown>[];
    expect(decoded.map(({ alias, name, ...row }) => row)).toEqual(realistic.filter((x) => x.family === 'ipv6'));
    for (const row of decoded) expect(row.alias).toBe(ALIASES[row.interfaceIndex as number]);
    expect(readFileSync(file).subarray(0, 7).toString()).toBe('IPIFCAP');
  });

  it('a system error exits 1 with its code and message on stderr', async () => {
    const r = await runWindows([bin], { env: { IPINTERFACE_STANDIN_SCENARIO: 'error:5' } });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ipinterface: ERROR_ACCESS_DENIED: GetIpInterfaceTable failed: .*administrator/);
  });

  it("--watch prints changes until Ctrl-C, then exits 0", async () => {
    const r = await runWindows([bin, '--watch', '--family', 'ipv4'], {
      env: { IPINTERFACE_STANDIN_AUTOFLOOD: '3' },
      interrupt: (stdout) => stdout.split('\n').filter((l) => l.includes('parameter-change')).length >= 3,
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+ parameter-change IPv4 ifIndex=\d+ NlMtu=\d+ metric=\d+ (Connected|Disconnected)$/);
    expect(r.stderr).toContain('Watching for changes; Ctrl-C to stop.');
  });

  it('--watch --ndjson prints one JSON event per line', async () => {
    const r = await runWindows([bin, '--watch', '--ndjson', '--fields', 'nlMtu'], {
      env: { IPINTERFACE_STANDIN_AUTOFLOOD: '2' },
      interrupt: (stdout) => stdout.split('\n').filter((l) => l.startsWith('{')).length >= 2,
      timeoutMs: 30_000,
    });
    expect(r.exitCode).toBe(0);
    const events = r.stdout.trimEnd().split(/\r?\n/).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: 'parameter-change', family: 'ipv4', interfaceIndex: 1, interfaceLuid: '6755399441055744', row: { nlMtu: 4294967295 } });
  });

  it('routes --watch and addresses --watch --ndjson print route and address changes until Ctrl-C, then exit 0', async () => {
    const routes = await runWindows([bin, 'routes', '--watch', '--family', 'ipv4'], {
      env: { IPINTERFACE_STANDIN_AUTOFLOOD: '3' },
      interrupt: (stdout) => stdout.split('\n').filter((l) => l.includes('parameter-change')).length >= 3,
      timeoutMs: 30_000,
    });
    expect(routes.exitCode).toBe(0);
    const lines = routes.stdout.trimEnd().split(/\r?\n/);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+ parameter-change IPv4 ifIndex=\d+ \d+\.\d+\.\d+\.\d+\/\d+ via \S+ metric=\d+ protocol=\w+$/);
    const addresses = await runWindows([bin, 'addresses', '--watch', '--ndjson', '--fields', 'dadState'], {
      env: { IPINTERFACE_STANDIN_AUTOFLOOD: '2' },
      interrupt: (stdout) => stdout.split('\n').filter((l) => l.startsWith('{')).length >= 2,
      timeoutMs: 30_000,
    });
    expect(addresses.exitCode).toBe(0);
    const events = addresses.stdout.trimEnd().split(/\r?\n/).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({ type: 'parameter-change', address: expect.any(String), interfaceLuid: expect.stringMatching(/^\d+$/), row: { dadState: expect.any(String) } });
  });
});
