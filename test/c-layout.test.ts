// The pure TypeScript layout of every declared struct, checked by the C compiler
// itself for both Windows x86-64 and i686: a C file of _Static_asserts generated
// from the declarations (sizeof, alignof, offsetof and member size of every
// member, the table's first-row offset) must compile against the real headers
// with MinGW for each target. Nothing is run, so the i686 check needs no 32-bit
// Wine. The expected numbers are the compiler's; the TypeScript only proposes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLayout, type Arch } from '../src/struct/ctypes.js';
import { IP_ADAPTER_ADDRESSES_LH, IP_ADAPTER_UNICAST_ADDRESS_LH, STRUCTS } from '../src/structs/index.js';
import { DNS_INTERFACE_SETTINGS } from '../src/structs/dns-interface-settings.js';
import {
  IF_OPER_STATUS,
  NDIS_MEDIUM,
  NDIS_PHYSICAL_MEDIUM,
  NET_IF_ACCESS_TYPE,
  NET_IF_ADMIN_STATUS,
  NET_IF_CONNECTION_TYPE,
  NET_IF_DIRECTION_TYPE,
  NET_IF_MEDIA_CONNECT_STATE,
  TUNNEL_TYPE,
  IF_MAX_PHYS_ADDRESS_LENGTH,
  IF_MAX_STRING_SIZE,
} from '../src/structs/mib-if-row2.js';
import { NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from '../src/structs/mib-unicastipaddress-row.js';
import { NL_ROUTE_ORIGIN, NL_ROUTE_PROTOCOL } from '../src/structs/mib-ipforward-row2.js';
import { NL_NEIGHBOR_STATE } from '../src/structs/mib-ipnet-row2.js';
import { MIB_TCP_STATE } from '../src/structs/mib-tcprow-owner-pid.js';
import { describeWithTools } from './wine/support.js';
import { root } from './helpers.js';

const cap = (n: string) => n[0]!.toUpperCase() + n.slice(1);
const COMPILERS: Record<Exclude<Arch, 'arm64'>, string> = { x64: 'x86_64-w64-mingw32-gcc', ia32: 'i686-w64-mingw32-gcc' };

/** The header's C spelling of each exported name map: JS name → C constant. Written by hand from the headers; the compiler checks the values. */
const C_CONSTANTS: [Readonly<Record<string, number>>, (name: string) => string][] = [
  [IF_OPER_STATUS, (n) => `IfOperStatus${n[0]!.toUpperCase()}${n.slice(1)}`],
  [NET_IF_ADMIN_STATUS, (n) => `NET_IF_ADMIN_STATUS_${n.toUpperCase()}`],
  [NET_IF_MEDIA_CONNECT_STATE, (n) => `MediaConnectState${n[0]!.toUpperCase()}${n.slice(1)}`],
  [NET_IF_ACCESS_TYPE, (n) => `NET_IF_ACCESS_${n.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`],
  [NET_IF_DIRECTION_TYPE, (n) => `NET_IF_DIRECTION_${n.toUpperCase()}`],
  [NET_IF_CONNECTION_TYPE, (n) => `NET_IF_CONNECTION_${n.toUpperCase()}`],
  [TUNNEL_TYPE, (n) => `TUNNEL_TYPE_${n.toUpperCase()}`],
  [NDIS_MEDIUM, (n) => `NdisMedium${n === 'ip' ? 'IP' : n[0]!.toUpperCase() + n.slice(1)}`],
  [NL_PREFIX_ORIGIN, (n) => `IpPrefixOrigin${cap(n)}`],
  [NL_SUFFIX_ORIGIN, (n) => `IpSuffixOrigin${cap(n)}`],
  [NL_DAD_STATE, (n) => `IpDadState${cap(n)}`],
  [NL_ROUTE_ORIGIN, (n) => (n === '6to4' ? 'Nlro6to4' : n === 'dhcp' ? 'NlroDHCP' : `Nlro${cap(n)}`)],
  [NL_NEIGHBOR_STATE, (n) => `Nlns${cap(n)}`],
  // mingw-w64 names 1…14 RouteProtocol*; 15…19 only exist in Microsoft's SDK; the NT ones are MIB_IPPROTO_*.
  [
    Object.fromEntries(Object.entries(NL_ROUTE_PROTOCOL).filter(([, v]) => v <= 14 || v > 10000)),
    (n) => (n.startsWith('nt') ? `MIB_IPPROTO_NT_${n.slice(2).replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}` : `RouteProtocol${cap(n)}`),
  ],
  [MIB_TCP_STATE, (n) => `MIB_TCP_STATE_${({ synReceived: 'SYN_RCVD', established: 'ESTAB', deleteTcb: 'DELETE_TCB' } as Record<string, string>)[n] ?? n.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`],
  [NDIS_PHYSICAL_MEDIUM, (n) => `NdisPhysicalMedium${n === 'dsl' || n === 'uwb' ? n.toUpperCase() : n[0]!.toUpperCase() + n.slice(1)}`],
];

/** C source asserting what the TypeScript computes for `arch`; `tamper` shifts one offset, to prove the check can fail. */
export function layoutAsserts(arch: Arch, tamper = false): string {
  const lines = ['#include "common.h"', '#include <stdalign.h>', '#define ASSERT(c, m) _Static_assert(c, m);'];
  // DNS_INTERFACE_SETTINGS is written, never read as a table: not in STRUCTS, its layout checked here all the same.
  for (const struct of [...STRUCTS, DNS_INTERFACE_SETTINGS]) {
    const l = computeLayout(struct.decl, arch);
    const row = struct.name;
    lines.push(`ASSERT(sizeof(${row}) == ${l.rowSize}, "sizeof(${row}) == ${l.rowSize}")`);
    lines.push(`ASSERT(alignof(${row}) == ${l.rowAlignment}, "alignof(${row}) == ${l.rowAlignment}")`);
    if (struct.decl.table) {
      const t = struct.decl.table;
      const [count, rows] = struct.decl.tableMembers ?? ['NumEntries', 'Table'];
      lines.push(`ASSERT(offsetof(${t}, ${count}) == ${l.numEntriesOffset}, "offsetof(${t}, ${count}) == ${l.numEntriesOffset}")`);
      lines.push(`ASSERT(offsetof(${t}, ${rows}) == ${l.firstRowOffset}, "offsetof(${t}, ${rows}) == ${l.firstRowOffset}")`);
    }
    // A constant (the family a struct implies) is not a C member: it has no offset to check.
    l.fields.filter((f) => f.kind.t !== 'const').forEach((f, i, fields) => {
      const offset = f.offset + (tamper && i === fields.length - 1 ? 1 : 0);
      lines.push(`ASSERT(offsetof(${row}, ${f.cName}) == ${offset}, "offsetof(${row}, ${f.cName}) == ${offset}")`);
      lines.push(`ASSERT(sizeof(((${row} *)0)->${f.cName}) == ${f.size}, "sizeof(${row}.${f.cName}) == ${f.size}")`);
    });
  }
  lines.push('ASSERT(sizeof(SOCKADDR_INET) == 28 && alignof(SOCKADDR_INET) == 4, "SOCKADDR_INET: 28 bytes, aligned 4")');
  lines.push('ASSERT(sizeof(IP_ADDRESS_PREFIX) == 32 && alignof(IP_ADDRESS_PREFIX) == 4, "IP_ADDRESS_PREFIX: 32 bytes, aligned 4")');
  lines.push('ASSERT(offsetof(IP_ADDRESS_PREFIX, PrefixLength) == 28, "IP_ADDRESS_PREFIX.PrefixLength at 28")');
  lines.push('ASSERT(offsetof(SOCKADDR_IN6, sin6_addr) == 8 && offsetof(SOCKADDR_IN, sin_addr) == 4, "sin6_addr at 8, sin_addr at 4")');
  lines.push(`ASSERT(IF_MAX_STRING_SIZE == ${IF_MAX_STRING_SIZE}, "IF_MAX_STRING_SIZE")`);
  lines.push(`ASSERT(IF_MAX_PHYS_ADDRESS_LENGTH == ${IF_MAX_PHYS_ADDRESS_LENGTH}, "IF_MAX_PHYS_ADDRESS_LENGTH")`);
  for (const [map, cName] of C_CONSTANTS) {
    for (const [name, value] of Object.entries(map)) lines.push(`ASSERT(${cName(name)} == ${value}, "${cName(name)} == ${value}")`);
  }
  return `${lines.join('\n')}\n`;
}

function compile(arch: Exclude<Arch, 'arm64'>, source: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'ipinterface-cassert-'));
  const file = join(dir, `layout-${arch}.c`);
  writeFileSync(file, source);
  execFileSync(COMPILERS[arch], ['-std=c11', '-fsyntax-only', '-Wall', '-Werror', '-I', join(root, 'fixtures', 'c'), file], { stdio: 'pipe' });
}

describeWithTools('every declared struct vs the C compiler (static asserts, x86-64 and i686)', Object.values(COMPILERS), () => {
  it.each(Object.keys(COMPILERS) as Exclude<Arch, 'arm64'>[])('%s: sizes, alignments, offsets and header constants all hold', (arch) => {
    expect(() => compile(arch, layoutAsserts(arch))).not.toThrow();
  });

  it('the check can fail: one offset shifted by a byte does not compile', () => {
    let message = '';
    try {
      compile('x64', layoutAsserts('x64', true));
    } catch (error) {
      message = String((error as { stderr?: Buffer }).stderr ?? error);
    }
    expect(message).toMatch(/static assertion failed: "offsetof\(MIB_IPNET_ROW2, ReachabilityTime\) == 85"/);
  });

  it('declares every struct the package reads', () => {
    expect(STRUCTS.map((s) => s.name)).toEqual([
      'MIB_IPINTERFACE_ROW',
      'MIB_IF_ROW2',
      'MIB_UNICASTIPADDRESS_ROW',
      'MIB_IPFORWARD_ROW2',
      'MIB_IPNET_ROW2',
      'MIB_TCPROW_OWNER_PID',
      'MIB_TCP6ROW_OWNER_PID',
      'MIB_UDPROW_OWNER_PID',
      'MIB_UDP6ROW_OWNER_PID',
      'MIB_TCPROW',
      'IP_ADAPTER_ADDRESSES_LH',
      'IP_ADAPTER_UNICAST_ADDRESS_LH',
      'IP_ADAPTER_ANYCAST_ADDRESS_XP',
      'IP_ADAPTER_MULTICAST_ADDRESS_XP',
      'IP_ADAPTER_DNS_SERVER_ADDRESS_XP',
      'IP_ADAPTER_PREFIX_XP',
      'IP_ADAPTER_WINS_SERVER_ADDRESS_LH',
      'IP_ADAPTER_GATEWAY_ADDRESS_LH',
      'IP_ADAPTER_DNS_SUFFIX',
    ]);
  });
});

describe('pointer-sized layouts', () => {
  // The sizes WireGuard's winipcfg pins (types_test_64.go / types_test_32.go) and the issue quotes; the static asserts above check every offset.
  it('IP_ADAPTER_ADDRESSES_LH is 448 bytes on x64 and arm64, 376 on ia32; SOCKET_ADDRESS 16 and 8', () => {
    expect(computeLayout(IP_ADAPTER_ADDRESSES_LH.decl, 'x64').rowSize).toBe(448);
    expect(computeLayout(IP_ADAPTER_ADDRESSES_LH.decl, 'arm64').rowSize).toBe(448);
    expect(computeLayout(IP_ADAPTER_ADDRESSES_LH.decl, 'ia32').rowSize).toBe(376);
    expect(computeLayout(IP_ADAPTER_ADDRESSES_LH.decl, 'ia32').rowAlignment).toBe(8);
    expect(computeLayout(IP_ADAPTER_UNICAST_ADDRESS_LH.decl, 'ia32').offsets.Address).toBe(12);
    expect(computeLayout(IP_ADAPTER_UNICAST_ADDRESS_LH.decl, 'x64').offsets.Address).toBe(16);
  });
});
