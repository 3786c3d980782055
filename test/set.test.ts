import { describe, expect, it } from 'vitest';
import { ipInterfaceLayout } from '../src/tables/ip-interfaces.js';
import { applyChanges, checkChanges } from '../src/set.js';
import { setIpInterface, setIpInterfaceAsync } from '../src/index.js';
import { cLayout, tableBytes } from './helpers.js';

/** Row 1 of the C-made realistic table (Ethernet IPv4, SitePrefixLength 64), as bytes. */
function ethernetRow(): Buffer {
  const { firstRowOffset, rowSize } = ipInterfaceLayout();
  return Buffer.from(tableBytes('realistic').subarray(firstRowOffset + rowSize, firstRowOffset + 2 * rowSize));
}
const offset = (name: string) => cLayout.fields.find((f) => f.name === name)!.offset;

describe('applyChanges (bytes, offsets from the C compiler)', () => {
  it('writes only the named members; metric turns UseAutomaticMetric off; the rest stays byte for byte', () => {
    const row = ethernetRow();
    const before = Buffer.from(row);
    applyChanges(row, 'ipv4', checkChanges({ metric: 7, routerDiscoveryBehavior: 'disabled', weakHostSend: true }, 'ipv4'));
    expect(row.readUInt32LE(offset('Metric'))).toBe(7);
    expect(row[offset('UseAutomaticMetric')]).toBe(0);
    expect(row.readInt32LE(offset('RouterDiscoveryBehavior'))).toBe(0);
    expect(row[offset('WeakHostSend')]).toBe(1);
    const touched = new Set<number>();
    for (const name of ['Metric', 'UseAutomaticMetric', 'RouterDiscoveryBehavior', 'WeakHostSend', 'SitePrefixLength']) {
      const f = cLayout.fields.find((x) => x.name === name)!;
      for (let i = 0; i < f.size; i++) touched.add(f.offset + i);
    }
    for (let i = 0; i < row.length; i++) if (!touched.has(i)) expect(row[i], `byte ${i}`).toBe(before[i]);
  });

  it("'automatic' turns UseAutomaticMetric on and leaves Metric as read", () => {
    const row = ethernetRow();
    row[offset('UseAutomaticMetric')] = 0;
    const metric = row.readUInt32LE(offset('Metric'));
    applyChanges(row, 'ipv4', checkChanges({ metric: 'automatic' }, 'ipv4'));
    expect(row[offset('UseAutomaticMetric')]).toBe(1);
    expect(row.readUInt32LE(offset('Metric'))).toBe(metric);
  });

  it('clamps SitePrefixLength: IPv4 above 32 → 0, IPv6 above 128 → 128, in-range values untouched', () => {
    const row = ethernetRow();
    expect(row.readUInt32LE(offset('SitePrefixLength'))).toBe(64);
    applyChanges(row, 'ipv4', checkChanges({ nlMtu: 1500 }, 'ipv4'));
    expect(row.readUInt32LE(offset('SitePrefixLength'))).toBe(0);
    row.writeUInt32LE(200, offset('SitePrefixLength'));
    applyChanges(row, 'ipv6', checkChanges({ nlMtu: 1500 }, 'ipv6'));
    expect(row.readUInt32LE(offset('SitePrefixLength'))).toBe(128);
    row.writeUInt32LE(24, offset('SitePrefixLength'));
    applyChanges(row, 'ipv4', checkChanges({ nlMtu: 1500 }, 'ipv4'));
    expect(row.readUInt32LE(offset('SitePrefixLength'))).toBe(24);
  });
});

describe('setIpInterface arguments', () => {
  it.each([
    [{ metric: -1 }, /`changes.metric`.*got `-1`/],
    [{ metric: 'auto' }, /'automatic'.*got `'auto'`/],
    [{ nlMtu: 575 }, /IPv4 needs at least 576/],
    [{ connected: true }, /cannot be set: `connected`/],
    [{}, /at least one setting/],
  ])('%o is rejected', (changes, message) => {
    expect(() => checkChanges(changes, 'ipv4')).toThrow(message);
  });

  it.runIf(process.platform !== 'win32')('off Windows: checks arguments, then ERR_UNSUPPORTED_PLATFORM', async () => {
    expect(() => setIpInterface({ family: 'ipv4', index: 1 }, { metric: -1 })).toThrow(TypeError);
    expect(() => setIpInterface({ family: 'ipv4', index: 1 }, { metric: 1 })).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'SetIpInterfaceEntry' }));
    await expect(setIpInterfaceAsync({ family: 'ipv4', index: 1 }, { metric: 1 })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
  });
});
