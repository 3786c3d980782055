import { describe, expect, it } from 'vitest';
import { MIB_IPINTERFACE_ROW } from '../src/structs/mib-ipinterface-row.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  LINK_LOCAL_ADDRESS_BEHAVIOR,
  OFFLOAD_FLAG_KEYS,
  ROUTER_DISCOVERY_BEHAVIOR,
  SCOPE_LEVEL_COUNT,
  type IpInterfaceLayout,
} from '../src/tables/ip-interfaces.js';
import { cLayout, cLayoutIa32 } from './helpers.js';

// Every expected number here was printed by fixtures/c/layout.c, compiled by
// MinGW against the real netioapi.h: by x86_64-w64-mingw32-gcc (fixtures/c/layout.json) and by
// i686-w64-mingw32-gcc, run under 32-bit Wine (fixtures/c/layout-ia32.json).
describe.each([
  ['x64', cLayout, 8],
  ['ia32', cLayoutIa32, 4],
] as const)('MIB_IPINTERFACE_ROW layout on %s (declaration vs the C compiler)', (arch, cLayout, pointerSize) => {
  const layout = MIB_IPINTERFACE_ROW.layout(arch) as IpInterfaceLayout;

  it('has the C row size (the stride), alignment and first-row offset', () => {
    expect(cLayout.pointerSize).toBe(pointerSize);
    expect(layout.rowSize).toBe(cLayout.row.size);
    expect(layout.rowAlignment).toBe(cLayout.row.alignment);
    expect(layout.firstRowOffset).toBe(cLayout.table.firstRowOffset);
    expect(layout.numEntriesOffset).toBe(cLayout.table.numEntriesOffset);
  });

  it('declares all 35 fields in header order', () => {
    expect(cLayout.fields).toHaveLength(35);
    expect(layout.fields.map((f) => f.cName)).toEqual(cLayout.fields.map((f) => f.name));
  });

  it.each(cLayout.fields.map((f) => [f.name, f.offset, f.size] as const))('%s is at offset %i, %i bytes', (name, offset, size) => {
    const field = layout.fields.find((f) => f.cName === name);
    expect(field?.offset).toBe(offset);
    expect(field?.size).toBe(size);
    expect(layout.offsets[name as keyof typeof layout.offsets]).toBe(offset);
  });

  it('keys are the camelCase of the C names', () => {
    for (const { cName, key } of MIB_IPINTERFACE_ROW.layout().fields) expect(key).toBe(cName[0]!.toLowerCase() + cName.slice(1));
  });

  it('NL_INTERFACE_OFFLOAD_ROD: one byte, first-declared flag = bit 0', () => {
    expect(cLayout.offloadRodSize).toBe(1);
    const cOrder = Object.entries(cLayout.offloadBits);
    expect(cOrder).toHaveLength(8);
    cOrder.forEach(([cName, bit], i) => {
      expect(OFFLOAD_FLAG_KEYS[i]).toBe(cName[0]!.toLowerCase() + cName.slice(1));
      expect(bit).toBe(1 << i);
    });
  });

  it('constants match the Windows headers', () => {
    expect(SCOPE_LEVEL_COUNT).toBe(cLayout.scopeLevelCount);
    const c = cLayout.constants;
    expect([AF_UNSPEC, AF_INET, AF_INET6]).toEqual([c.AF_UNSPEC, c.AF_INET, c.AF_INET6]);
    expect(ROUTER_DISCOVERY_BEHAVIOR).toEqual({
      disabled: c.RouterDiscoveryDisabled,
      enabled: c.RouterDiscoveryEnabled,
      dhcp: c.RouterDiscoveryDhcp,
      unchanged: c.RouterDiscoveryUnchanged,
    });
    expect(LINK_LOCAL_ADDRESS_BEHAVIOR).toEqual({
      'always-off': c.LinkLocalAlwaysOff,
      delayed: c.LinkLocalDelayed,
      'always-on': c.LinkLocalAlwaysOn,
      unchanged: c.LinkLocalUnchanged,
    });
  });
});
