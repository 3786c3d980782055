/**
 * Neighbours: GetIpNetTable2 (MIB_IPNET_ROW2) — the ARP (IPv4) and NDP (IPv6)
 * caches, what `arp -a` and Get-NetNeighbor show, without parsing localized
 * text. Only the table is read: GetIpNetEntry2 would send ARP/ND and wait.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
import type { z } from 'zod';
import { lazy } from './lazy.js';
import type { FamilyOption } from './family.js';
import { GetIpNetTable2 } from './functions.js';
import { familyTable } from './mibtable.js';
import { decodeTable } from './struct/define.js';
import { MIB_IPNET_ROW2, NL_NEIGHBOR_STATE } from './structs/mib-ipnet-row2.js';

export { NL_NEIGHBOR_STATE };

/** One MIB_IPNET_ROW2 as a zod schema. */
export const ipNetRow2Schema = lazy(() => MIB_IPNET_ROW2.schema());
/** One neighbour (MIB_IPNET_ROW2), keys in header order. */
export type IpNetRow2 = z.infer<typeof ipNetRow2Schema>;

/**
 * Decodes the raw bytes of a MIB_IPNET_TABLE2 into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipnet_table2
 */
export function decodeIpNetTable2(bytes: Uint8Array | ArrayBuffer): IpNetRow2[] {
  return decodeTable(MIB_IPNET_ROW2, bytes);
}

const table = familyTable(GetIpNetTable2, MIB_IPNET_ROW2);

/**
 * Retrieves the neighbour (ARP and NDP) table as validated rows; 'all' asks each family in turn.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export function getIpNetTable2(family: FamilyOption = 'all'): IpNetRow2[] {
  return table.sync(family);
}

/**
 * Like getIpNetTable2, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipnettable2
 */
export function getIpNetTable2Async(family: FamilyOption = 'all'): Promise<IpNetRow2[]> {
  return table.async(family);
}

/** The table's raw bytes for `family` (null: no entries), for captures. */
export function ipNetTable2Bytes(family: FamilyOption = 'all'): Uint8Array | null {
  return table.bytes(family);
}
