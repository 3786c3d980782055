// takeTable, the one path every Get…Table result goes through, on any OS: a fake native
// memory stands in for the table the system hands out, and counts frees.
import { describe, expect, it } from 'vitest';
import { IpHelperError } from '../src/errors.js';
import { MAX_TABLE_ROWS, takeTable, type NativeMemory } from '../src/mibtable.js';
import type { NativePointer } from '../src/native.js';
import { MIB_IF_ROW2, MIB_IPINTERFACE_ROW } from '../src/structs/index.js';

/** A fake table of `count` rows; `copyFails` makes the copy throw. */
function fake(count: number, copyFails = false) {
  const freed: unknown[] = [];
  const table = { pointer: 'table' } as unknown as NativePointer;
  const memory: NativeMemory = {
    readUint32: (_t, offset) => (offset === 0 ? count : 0),
    copyBytes: (_t, length) => {
      if (copyFails) throw new Error('copy failed');
      const bytes = new Uint8Array(length);
      new DataView(bytes.buffer).setUint32(0, count, true);
      return bytes;
    },
    free: (t) => void freed.push(t),
  };
  return { table, memory, freed };
}

describe('takeTable', () => {
  it('copies NumEntries rows by the stride from the first-row offset, then frees the table once', () => {
    const { table, memory, freed } = fake(3);
    const bytes = takeTable('GetIfTable2', MIB_IF_ROW2, 0, table, memory)!;
    expect(bytes.length).toBe(8 + 3 * 1352);
    expect(freed).toEqual([table]);
  });

  it('an empty table copies up to the first-row offset (NumEntries and its padding), and frees once', () => {
    const { table, memory, freed } = fake(0);
    expect(takeTable('GetIpInterfaceTable', MIB_IPINTERFACE_ROW, 0, table, memory)!.length).toBe(8);
    expect(freed).toHaveLength(1);
  });

  it.each([
    ['ERROR_NOT_FOUND (1168)', 1168],
    ['STATUS_NOT_FOUND (0xC0000225)', 0xc0000225],
    ['STATUS_NOT_FOUND as a negative int', 0xc0000225 | 0],
  ])('%s means no entries: null, and a table handed out anyway is freed once', (_name, status) => {
    const { table, memory, freed } = fake(5);
    expect(takeTable('GetIpForwardTable2', MIB_IF_ROW2, status, table, memory)).toBeNull();
    expect(freed).toEqual([table]);
    expect(takeTable('GetIpForwardTable2', MIB_IF_ROW2, status, null, memory)).toBeNull();
    expect(freed).toHaveLength(1);
  });

  it('every throwing path frees the table exactly once: an error status, a NULL table, a row count above the limit, a failing copy', () => {
    const error = fake(2);
    expect(() => takeTable('GetIpNetTable2', MIB_IF_ROW2, 1, error.table, error.memory)).toThrow(IpHelperError);
    expect(error.freed).toHaveLength(1); // Wine 8 hands out a table with its error: freed all the same

    const nullTable = fake(2);
    expect(() => takeTable('GetIfTable2', MIB_IF_ROW2, 0, null, nullTable.memory)).toThrow(expect.objectContaining({ code: 'ERR_IPHLPAPI_BAD_RESULT' }));
    expect(nullTable.freed).toHaveLength(0); // nothing to free

    const huge = fake(MAX_TABLE_ROWS + 1);
    expect(() => takeTable('GetIfTable2', MIB_IF_ROW2, 0, huge.table, huge.memory)).toThrow(/claiming 1000001 rows/);
    expect(huge.freed).toHaveLength(1);

    const atLimit = fake(MAX_TABLE_ROWS);
    expect(() => takeTable('GetIpInterfaceTable', MIB_IPINTERFACE_ROW, 0, atLimit.table, atLimit.memory)).not.toThrow();
    expect(atLimit.freed).toHaveLength(1);

    const copy = fake(2, true);
    expect(() => takeTable('GetIfTable2', MIB_IF_ROW2, 0, copy.table, copy.memory)).toThrow('copy failed');
    expect(copy.freed).toHaveLength(1);
  });

  it('the error names the call and carries the Win32 code', () => {
    const { table, memory } = fake(0);
    expect(() => takeTable('GetUnicastIpAddressTable', MIB_IF_ROW2, 5, table, memory)).toThrow(
      expect.objectContaining({ code: 'ERROR_ACCESS_DENIED', errno: 5, syscall: 'GetUnicastIpAddressTable' }),
    );
  });
});
