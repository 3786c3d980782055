/**
 * Neighbours: GetIpNetTable2 (MIB_IPNET_ROW2) — the ARP (IPv4) and NDP (IPv6)
 * caches, what `arp -a` and Get-NetNeighbor show, without parsing localized
 * text; declared once. Only the table is read: GetIpNetEntry2 would send
 * ARP/ND and wait.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
import type { z } from 'zod';
import type { FamilyOption } from '../family.js';
import { GetIpNetTable2 } from '../functions.js';
import { lazy } from '../lazy.js';
import { MIB_IPNET_ROW2, NL_NEIGHBOR_STATE } from '../structs/mib-ipnet-row2.js';
import { defineTable } from '../table/define.js';
import { addressKey, capital, macText, trueFalse } from '../view/format.js';

export { NL_NEIGHBOR_STATE };

/** One MIB_IPNET_ROW2 as a zod schema. */
export const ipNetRow2Schema = lazy(() => MIB_IPNET_ROW2.schema());
/** One neighbour (MIB_IPNET_ROW2), keys in header order. */
export type IpNetRow2 = z.infer<typeof ipNetRow2Schema>;

export const NEIGHBORS = defineTable({
  name: 'neighbors',
  title: 'neighbour',
  summary: 'The ARP (IPv4) and neighbour discovery (IPv6) caches: address, link-layer address, state.',
  struct: MIB_IPNET_ROW2,
  get: { fn: GetIpNetTable2, family: 'each' },
  family: 'address',
  key: ['address', 'interfaceLuid', 'interfaceIndex'],
  capture: 'neighbors',
  view: {
    command: 'neighbors',
    cmdlet: 'Get-NetNeighbor, arp -a',
    help: 'the ARP and IPv6 neighbour caches',
    extras: ['interfaceAlias'],
    columns: [
      { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
      { field: 'address', header: 'IPAddress', cell: (r) => r.address },
      { field: 'physicalAddress', header: 'LinkLayerAddress', cell: (r) => macText(r.physicalAddress) },
      { field: 'state', header: 'State', cell: (r) => capital(r.state) },
      { field: 'isRouter', header: 'IsRouter', cell: (r) => trueFalse(r.isRouter) },
      { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
    ],
    sort: (r) => [r.interfaceIndex, addressKey(r.address)],
    alarm: ['Unreachable', 'Incomplete'],
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_table2',
  },
  api: {
    get: 'getIpNetTable2',
    getAsync: 'getIpNetTable2Async',
    decode: 'decodeIpNetTable2',
    schema: 'ipNetRow2Schema',
    row: 'IpNetRow2',
  },
});

/**
 * Retrieves the neighbour (ARP and NDP) table as validated rows; 'all' asks each family in turn.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export const getIpNetTable2: (family?: FamilyOption) => IpNetRow2[] = NEIGHBORS.get;

/**
 * Like getIpNetTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export const getIpNetTable2Async: (family?: FamilyOption) => Promise<IpNetRow2[]> = NEIGHBORS.getAsync;

/**
 * Decodes the raw bytes of a MIB_IPNET_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_table2
 */
export const decodeIpNetTable2: (bytes: Uint8Array | ArrayBuffer) => IpNetRow2[] = NEIGHBORS.decode;
