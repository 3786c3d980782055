import { describe, expect, it } from 'vitest';
import { ipInterfaceLayout, ROW_FIELDS } from '../src/layout.js';
import {
  AF_INET,
  AF_INET6,
  AF_UNSPEC,
  LINK_LOCAL_ADDRESS_BEHAVIOR,
  OFFLOAD_FLAG_KEYS,
  ROUTER_DISCOVERY_BEHAVIOR,
  SCOPE_LEVEL_COUNT,
} from '../src/schema.js';
import { cLayout } from './helpers.js';

// Every expected number here was printed by fixtures/c/layout.c, compiled by
// MinGW against the real netioapi.h (see fixtures/c/layout.json).
describe('MIB_IPINTERFACE_ROW layout (koffi declaration vs the C compiler)', () => {
  const layout = ipInterfaceLayout();

  it('has the C row size (the stride), alignment and first-row offset', () => {
    expect(cLayout.pointerSize).toBe(8);
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
    for (const [cName, key] of ROW_FIELDS) expect(key).toBe(cName[0]!.toLowerCase() + cName.slice(1));
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
