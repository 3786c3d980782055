// Tier 2: getIpInterfaceEntry, the LUID conversions and getIpInterfaces in Windows
// Node under Wine, against the stand-in iphlpapi.dll.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { cLayout, root, tableJson } from '../helpers.js';
import { describeWithTools, wineTools } from './support.js';
import { runWindowsNode, type Attempt, type ErrorInfo } from './windows-node.js';

type Row = Record<string, unknown>;
interface Report {
  crashed?: unknown;
  table: Row[];
  entries: { byIndex: Attempt<Row>; byLuid: Attempt<Row> }[];
  entriesAsync: Attempt<Row>[];
  missingFamily: Attempt<Row>;
  missingInterface: Attempt<Row>;
  missingInterfaceAsync: Attempt<Row>;
  badKeys: Attempt<Row>[];
  badEnum: Attempt<Row>;
  accessDenied: Attempt<Row>;
  conversions: {
    luid: string;
    parts: { netLuidIndex: number; ifType: number; reserved: number; ifTypeName?: string };
    index: Attempt<number>;
    alias: Attempt<string>;
    name: Attempt<string>;
    guid: Attempt<string>;
  }[];
  indexToLuid: { index: number; luid: Attempt<string> }[];
  unknownLuid: Record<'index' | 'alias' | 'name' | 'guid', Attempt<unknown>>;
  unknownIndex: Attempt<string>;
  badArgs: Attempt<unknown>[];
  unterminated: Record<'alias' | 'name' | 'interfaces', Attempt<(Row & { alias: string | null; name: string | null })[] | string>>;
  interfaces: Attempt<(Row & { alias: string | null; name: string | null })[]>;
  interfacesAsync: Attempt<Row[]>;
  counters: { outstanding: number };
}

const realistic = tableJson('realistic').rows!;
/** The aliases fixtures/c/standin-iphlpapi.c gives, by interface index. */
const ALIASES: Record<number, string> = {
  1: 'Loopback Pseudo-Interface 1',
  12: 'Ethernet',
  17: 'Wi-Fi',
  9: 'Ethernet 2',
  14: 'Teredo Tunneling Pseudo-Interface',
  23: 'wg0',
  31: 'isatap.{8A1F5C2E-3B7D-4E19-9C6A-2F0D1B4E7A93}',
};

describeWithTools('getIpInterfaceEntry and LUID conversions under Wine (stand-in iphlpapi.dll)', wineTools, () => {
  let r: Report;
  beforeAll(async () => {
    r = (await runWindowsNode<Report>('entry.cjs')).report;
    expect(r.crashed).toBeUndefined();
  });

  it('each row, looked up by index and by LUID, sync and async, equals the C-printed row', () => {
    expect(r.table).toEqual(realistic);
    expect(r.entries).toHaveLength(realistic.length);
    r.entries.forEach((entry, i) => {
      expect(entry.byIndex.ok).toEqual(realistic[i]);
      expect(entry.byLuid.ok).toEqual(realistic[i]);
      expect(r.entriesAsync[i]?.ok).toEqual(realistic[i]);
    });
  });

  it('not found is an error here: ERROR_NOT_FOUND for a missing family, ERROR_FILE_NOT_FOUND for no interface', () => {
    expect(r.missingFamily.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_NOT_FOUND', errno: 1168, syscall: 'GetIpInterfaceEntry' });
    expect(r.missingInterface.error).toMatchObject({ code: 'ERROR_FILE_NOT_FOUND', errno: 2 });
    expect(r.missingInterfaceAsync.error).toMatchObject({ code: 'ERROR_FILE_NOT_FOUND' });
  });

  it('bad keys are TypeErrors naming the field and value, before any native call', () => {
    for (const attempt of r.badKeys) expect(attempt.error?.isTypeError).toBe(true);
    const messages = r.badKeys.map((a) => a.error?.message);
    expect(messages[2]).toBe("Expected `key.family` to be 'ipv4', 'ipv6', AF_INET (2) or AF_INET6 (23), got `'all'` (string)");
    expect(messages[3]).toBe('Expected `key` to have exactly one of `index` and `luid`');
    expect(messages[5]).toMatch(/`key.index`.*got `0` \(number\)/);
    expect(messages[7]).toMatch(/`key.luid`.*got `-1n` \(bigint\)/);
  });

  it('an invalid entry is a decode error; errors carry their codes', () => {
    expect(r.badEnum.error).toMatchObject({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 0, field: 'routerDiscoveryBehavior' });
    expect(r.accessDenied.error).toMatchObject({ code: 'ERROR_ACCESS_DENIED', syscall: 'GetIpInterfaceEntry' });
  });

  it('LUID → index / alias / name / GUID for every interface; index → LUID back', () => {
    const ifTypes = cLayout as unknown as { ifTypes: Record<string, number> };
    for (const c of r.conversions) {
      const row = realistic.find((x) => x.interfaceLuid === c.luid)!;
      const index = row.interfaceIndex as number;
      expect(c.index.ok).toBe(index);
      expect(c.alias.ok).toBe(ALIASES[index]);
      const luid = BigInt(c.luid);
      // The stand-in formats names and GUIDs from the NET_LUID bitfields as the C compiler lays them out.
      const netLuidIndex = Number((luid >> 24n) & 0xffffffn);
      const ifType = Number(luid >> 48n);
      expect(c.parts).toMatchObject({ netLuidIndex, ifType, reserved: 0 });
      const prefix = { 6: 'ethernet', 24: 'loopback', 71: 'wireless', 131: 'tunnel', 23: 'ppp' }[ifType] ?? `iftype${ifType}`;
      expect(c.name.ok).toBe(`${prefix}_${netLuidIndex}`);
      expect(c.guid.ok).toBe(
        `{${netLuidIndex.toString(16).toUpperCase().padStart(8, '0')}-${ifType.toString(16).toUpperCase().padStart(4, '0')}-4A1E-A0A1-A2A3A4A5A6A7}`,
      );
      expect(Object.values(ifTypes.ifTypes)).toContain(ifType);
    }
    for (const { index, luid } of r.indexToLuid) {
      expect(luid.ok).toBe(realistic.find((x) => x.interfaceIndex === index)!.interfaceLuid);
    }
  });

  it('an unknown LUID: index, alias and GUID fail with ERROR_FILE_NOT_FOUND; the name is still formatted', () => {
    for (const key of ['index', 'alias', 'guid'] as const) expect(r.unknownLuid[key].error?.code).toBe('ERROR_FILE_NOT_FOUND');
    expect(r.unknownLuid.name.ok).toBe('ethernet_999');
    expect(r.unknownIndex.error?.code).toBe('ERROR_FILE_NOT_FOUND');
    for (const attempt of r.badArgs) expect(attempt.error?.isTypeError).toBe(true);
  });

  it('a string with no terminating NUL is an error, never garbage text; getIpInterfaces then gives a null name (its alias comes from the adapter table)', () => {
    expect(r.unterminated.alias.error).toMatchObject({ code: 'ERR_IPHLPAPI_BAD_RESULT', syscall: 'ConvertInterfaceLuidToAlias' });
    expect(r.unterminated.name.error).toMatchObject({ code: 'ERR_IPHLPAPI_BAD_RESULT', syscall: 'ConvertInterfaceLuidToNameW' });
    const rows = r.unterminated.interfaces.ok as { alias: string | null; name: string | null; interfaceIndex: number }[];
    expect(rows.length).toBe(realistic.length);
    for (const row of rows) expect([row.alias, row.name]).toEqual([ALIASES[row.interfaceIndex], null]);
  });

  it('getIpInterfaces joins every row with its adapter (one GetIfTable2 call) and its name', () => {
    const rows = r.interfaces.ok! as (Row & Record<string, unknown>)[];
    const adapters = (JSON.parse(readFileSync(join(root, 'fixtures', 'c', 'structs', 'MIB_IF_ROW2', 'if2-realistic.json'), 'utf8')) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map(({ alias, name, description, physicalAddress, operStatus, mediaConnectState, transmitLinkSpeed, receiveLinkSpeed, ...row }) => row)).toEqual(realistic);
    for (const row of rows) {
      expect(row.alias).toBe(ALIASES[row.interfaceIndex as number]);
      expect(row.name).toMatch(/^[a-z0-9]+_\d+$/);
      const adapter = adapters.find((a) => a.interfaceLuid === row.interfaceLuid)!; // printed by C from the stand-in's rows
      expect(row).toMatchObject({
        alias: adapter.alias,
        description: adapter.description,
        physicalAddress: adapter.physicalAddress,
        operStatus: adapter.operStatus,
        mediaConnectState: adapter.mediaConnectState,
        transmitLinkSpeed: adapter.transmitLinkSpeed,
        receiveLinkSpeed: adapter.receiveLinkSpeed,
      });
    }
    expect(r.interfacesAsync.ok?.length).toBe(realistic.filter((x) => x.family === 'ipv6').length);
    expect(r.counters.outstanding).toBe(0);
  });
});
