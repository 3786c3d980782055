// Three bugs a test-strength probe planted one at a time and the suite did not catch (issue 20):
// each test here fails with its bug planted (tried once each; see the note).
//   1. the route feed's merge key without the next hop;
//   2. the family check removed from version-2 capture decoding;
//   3. `--watch` table lines written with String() instead of the escaping printer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchEventText } from '../src/cli/main.js';
import { VIEWS } from '../src/cli/views.js';
import { decodeCapture, encodeCaptureTables } from '../src/index.js';
import { decodeTable } from '../src/struct/define.js';
import { TABLES } from '../src/tables/index.js';
import { CoalescingQueue, type Pending } from '../src/watch/queue.js';
import { watchKind } from '../src/watch/feeds.js';
import { captureMetadataOf, root, withCaptureMetadata } from './helpers.js';

const structBytes = (struct: string, name: string) => new Uint8Array(readFileSync(join(root, 'fixtures', 'c', 'structs', struct, `${name}.bin`)));
const realistic: Record<string, string> = {
  MIB_IPINTERFACE_ROW: '',
  MIB_IPFORWARD_ROW2: 'forward-realistic',
  MIB_UNICASTIPADDRESS_ROW: 'unicast-realistic',
  MIB_IF_ROW2: 'if2-realistic',
  MIB_IPNET_ROW2: 'ipnet-realistic',
  MIB_TCPROW_OWNER_PID: 'tcp-realistic',
  MIB_TCP6ROW_OWNER_PID: 'tcp6-realistic',
  MIB_UDPROW_OWNER_PID: 'udp-realistic',
  MIB_UDP6ROW_OWNER_PID: 'udp6-realistic',
};
/** The first row of a C-made realistic table of `struct`, as the bytes a notification callback receives. */
function firstRow(struct: { name: string; layout(): { firstRowOffset: number; rowSize: number } }): Uint8Array {
  const bytes = struct.name === 'MIB_IPINTERFACE_ROW' ? new Uint8Array(readFileSync(join(root, 'fixtures', 'c', 'tables', 'realistic.bin'))) : structBytes(struct.name, realistic[struct.name]!);
  const { firstRowOffset, rowSize } = struct.layout();
  return bytes.slice(firstRowOffset, firstRowOffset + rowSize);
}

describe('1. the change feeds merge a burst by every key member', () => {
  const feeds = TABLES.filter((t) => t.decl.notify !== undefined);

  it('a route feed burst of two routes that differ only in NextHop delivers two events', () => {
    const routes = feeds.find((t) => t.decl.name === 'routes')!;
    const kind = watchKind(routes);
    const a = firstRow(routes.struct); // 0.0.0.0/0 via 192.168.1.1 on Ethernet
    const b = a.slice();
    const nextHop = (routes.struct.layout().offsets as Record<string, number>).NextHop!;
    b[nextHop + 7] = (b[nextHop + 7]! + 1) & 0xff; // sin_addr's last byte: 192.168.1.2
    const delivered: Pending<unknown>[] = [];
    const runs: (() => void)[] = [];
    const queue = new CoalescingQueue<unknown>(kind.id, (p) => delivered.push(p), { schedule: (run) => runs.push(run) });
    queue.push('parameter-change', kind.key(a));
    queue.push('parameter-change', kind.key(b));
    runs.splice(0).forEach((run) => run());
    expect(delivered.map((p) => (p.key as { nextHop: string }).nextHop)).toEqual(['192.168.1.1', '192.168.1.2']);
  });

  it.each(feeds.map((t) => [t.decl.name, t] as const))('%s: rows that differ in any one key member are different changes', (_name, table) => {
    const kind = watchKind(table);
    const layout = table.struct.layout();
    const a = firstRow(table.struct);
    for (const member of table.decl.key) {
      // The LUID names the interface where there is one: the index is not part of the identity then (by design).
      if (member === 'family' || (member === 'interfaceIndex' && table.decl.key.includes('interfaceLuid'))) continue;
      const field = layout.fields.find((f) => f.key === member)!;
      const b = a.slice();
      // A byte of the member's value (an address's last byte; an integer's low byte).
      const at = field.kind.t === 'sockaddr' || field.kind.t === 'prefix' ? field.offset + 7 : field.offset;
      b[at] = (b[at]! + 1) & 0xff;
      expect(kind.id(kind.key(b)), member).not.toBe(kind.id(kind.key(a)));
    }
  });
});

describe('2. a capture whose metadata names one family but holds rows of the other', () => {
  const withFamily = TABLES.filter((t) => t.decl.family !== undefined);
  it.each(withFamily.map((t) => [t.decl.name, t] as const))('%s: refused in a version-2 capture', (_name, table) => {
    for (const struct of table.structs) {
      const bytes = struct.name === 'MIB_IPINTERFACE_ROW' ? new Uint8Array(readFileSync(join(root, 'fixtures', 'c', 'tables', 'realistic.bin'))) : structBytes(struct.name, realistic[struct.name]!);
      const file = encodeCaptureTables([{ struct: struct.name, bytes }], { family: 'all' });
      const meta = captureMetadataOf(file);
      expect(meta).toMatchObject({ tables: [{ struct: struct.name }] }); // version 2: a tables list
      const families = new Set(decodeTable(struct, bytes).map((r) => table.familyOf(r as never)));
      for (const claimed of ['ipv4', 'ipv6'] as const) {
        const lie = withCaptureMetadata(file, { ...meta, family: claimed });
        if ([...families].every((f) => f === claimed)) expect(() => decodeCapture(lie)).not.toThrow();
        else expect(() => decodeCapture(lie), `${struct.name} as ${claimed}`).toThrow(expect.objectContaining({ code: 'ERR_CAPTURE_CORRUPT' }));
      }
    }
  });
});

describe('3. --watch lines go through the escaping printer', () => {
  it('a change whose row is unavailable for a reason with control and bidi characters prints them escaped', () => {
    const error = Object.assign(new Error('gone \u001b[2J\u202e\u0007 away'), { code: 'ERROR_NOT_FOUND' });
    for (const name of ['interfaces', 'routes', 'addresses']) {
      const view = VIEWS.get(name)!;
      const change = { type: 'parameter-change', family: 'ipv4' as const, interfaceIndex: 12, address: '\u001b]0;x\u0007', destinationPrefix: { address: '0.0.0.0', prefixLength: 0 }, nextHop: '1.2.3.4', error };
      const text = watchEventText(change, view, { fields: undefined }, new Date(0));
      expect(text.endsWith('\n')).toBe(true);
      expect(text.slice(0, -1), name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain('row unavailable: gone \\u001b[2J\\u202e\\u0007 away');
      const json = watchEventText(change, view, { ndjson: true, fields: undefined }, new Date(0));
      expect(json.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(JSON.parse(json).error.message).toBe(error.message);
    }
  });
});
