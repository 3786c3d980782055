/**
 * The table joined with what a person calls each interface: its alias ("Wi-Fi")
 * and its name ("wireless_32768"), in one call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
import type { FamilyOption } from './family.js';
import { convertInterfaceLuidToAlias, convertInterfaceLuidToName } from './luid.js';
import type { IpInterfaceRow } from './schema.js';
import { getIpInterfaceTable, getIpInterfaceTableAsync } from './table.js';

/** A row with the interface's alias and name; `null` where the system could not convert the LUID. */
export type IpInterface = IpInterfaceRow & {
  /** ConvertInterfaceLuidToAlias: the name a user sees, e.g. "Wi-Fi". */
  readonly alias: string | null;
  /** ConvertInterfaceLuidToNameW: e.g. "wireless_32768". */
  readonly name: string | null;
};

function orNull(convert: (luid: bigint) => string, luid: bigint): string | null {
  try {
    return convert(luid);
  } catch {
    return null; // e.g. the interface went away between the table and the conversion
  }
}

function join(rows: IpInterfaceRow[]): IpInterface[] {
  const names = new Map<bigint, { alias: string | null; name: string | null }>();
  return rows.map((row) => {
    let entry = names.get(row.interfaceLuid);
    if (!entry) {
      entry = {
        alias: orNull(convertInterfaceLuidToAlias, row.interfaceLuid),
        name: orNull(convertInterfaceLuidToName, row.interfaceLuid),
      };
      names.set(row.interfaceLuid, entry);
    }
    return { ...row, ...entry };
  });
}

/**
 * Retrieves the IP interface table with each row's interface alias and name.
 * A conversion that fails for one interface gives `null` there, not an error.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export function getIpInterfaces(family: FamilyOption = 'all'): IpInterface[] {
  return join(getIpInterfaceTable(family));
}

/**
 * Like getIpInterfaces, with the table call on a worker thread (the alias and
 * name conversions are quick in-process lookups and run on the calling thread).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export async function getIpInterfacesAsync(family: FamilyOption = 'all'): Promise<IpInterface[]> {
  return join(await getIpInterfaceTableAsync(family));
}
