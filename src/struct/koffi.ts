/**
 * koffi types derived from a struct's declaration, for native calls that want
 * a typed struct. Nothing decodes through them (rows are copied as bytes and
 * read by the generated reader); the Wine tier checks that koffi, given these
 * members with Windows alignments, places every member where the pure layout
 * does.
 */
import { loadKoffi, type KoffiType } from '../native.js';
import { alignOn, processArch, type Kind } from './ctypes.js';
import type { Struct } from './define.js';

const INT_TYPES: Record<number, [string, string]> = {
  1: ['uint8_t', 'int8_t'],
  2: ['uint16_t', 'int16_t'],
  4: ['uint32_t', 'int32_t'],
  8: ['uint64_t', 'int64_t'],
};

function memberType(kind: Kind): KoffiType | string {
  const koffi = loadKoffi();
  switch (kind.t) {
    case 'uint':
      return INT_TYPES[kind.size]![0];
    case 'int':
      return INT_TYPES[kind.size]![1];
    case 'enum':
      return INT_TYPES[kind.size]![kind.signed ? 1 : 0];
    case 'bits':
      return INT_TYPES[kind.size]![0]; // a byte or a ULONG of 1-bit fields (koffi has no bitfields)
    case 'bool':
    case 'flags':
      return 'uint8_t'; // BOOLEAN; one byte of 1-bit BOOLEAN fields
    case 'array':
      return koffi.array(INT_TYPES[kind.of.size]![0], kind.length);
    case 'wstr':
      return koffi.array('uint16_t', kind.length);
    case 'in4':
    case 'port':
      return 'uint32_t'; // DWORD
    case 'bytes':
    case 'guid':
    case 'sockaddr':
    case 'prefix':
    case 'in6':
      return koffi.array('uint8_t', kind.size);
    case 'skip':
      return INT_TYPES[kind.size]![0];
    case 'pwstr':
    case 'pstr':
    case 'next':
    case 'list':
      return 'void *';
    case 'socketAddress':
      return koffi.struct({ lpSockaddr: 'void *', iSockaddrLength: 'int' });
    case 'const':
      throw new Error('unreachable: a constant takes no bytes');
  }
}

const cache = new WeakMap<Struct, { row: KoffiType; table: KoffiType }>();

/**
 * The koffi struct types of a row and its table, declared on first use. They
 * are anonymous: koffi type names are global, and an application may declare
 * its own MIB_IF_ROW2.
 */
export function koffiTypes(struct: Struct): { row: KoffiType; table: KoffiType } {
  let types = cache.get(struct);
  if (types) return types;
  const koffi = loadKoffi();
  const members: Record<string, [number, KoffiType | string]> = {};
  const arch = processArch();
  for (const [cName, kind] of struct.decl.members) {
    if (kind.t === 'const') continue;
    // The first member carries the struct's declared alignment (the union's ULONGLONG Alignment
    // IP_ADAPTER_ADDRESSES begins with): at offset 0 it moves nothing, and aligns the struct as C does.
    const first = Object.keys(members).length === 0;
    members[cName] = [Math.max(alignOn(kind, arch), first ? (struct.decl.align ?? 1) : 1), memberType(kind)];
  }
  const row = koffi.struct(members);
  // ANY_SIZE is 1 in the header: Table[1] fixes the offset of the first row.
  const table = koffi.struct({ NumEntries: [4, 'uint32_t'], Table: [koffi.alignof(row), koffi.array(row, 1)] });
  types = { row, table };
  cache.set(struct, types);
  return types;
}
