/**
 * Unicast IP addresses: GetUnicastIpAddressTable and GetUnicastIpAddressEntry
 * (MIB_UNICASTIPADDRESS_ROW) — every address on every interface, what
 * Get-NetIPAddress shows, with its interface index, origin and lifetimes;
 * declared once.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
import type { z } from 'zod';
import type { FamilyOption } from '../family.js';
import { GetUnicastIpAddressEntry, GetUnicastIpAddressTable, NotifyUnicastIpAddressChange } from '../functions.js';
import { lazy } from '../lazy.js';
import { INFINITE_LIFETIME, MIB_UNICASTIPADDRESS_ROW, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from '../structs/mib-unicastipaddress-row.js';
import { defineTable } from '../table/define.js';
import { addressKey, capital, lifetime } from '../view/format.js';

export { INFINITE_LIFETIME, NL_DAD_STATE, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN };

/** One MIB_UNICASTIPADDRESS_ROW as a zod schema. */
export const unicastIpAddressRowSchema = lazy(() => MIB_UNICASTIPADDRESS_ROW.schema());
/** One unicast IP address (MIB_UNICASTIPADDRESS_ROW), keys in header order. */
export type UnicastIpAddressRow = z.infer<typeof unicastIpAddressRowSchema>;

/** Which address: its text and the interface it is on (index or LUID). */
export type UnicastIpAddressKey =
  | { readonly address: string; readonly interfaceIndex: number; readonly interfaceLuid?: undefined }
  | { readonly address: string; readonly interfaceLuid: bigint; readonly interfaceIndex?: undefined };

export const UNICAST_ADDRESSES = defineTable({
  name: 'unicastAddresses',
  title: 'address',
  summary: 'Unicast IP addresses on every interface, with prefix length, origin, DAD state and lifetimes.',
  struct: MIB_UNICASTIPADDRESS_ROW,
  get: { fn: GetUnicastIpAddressTable, family: 'each' },
  family: 'address',
  key: ['address', 'interfaceLuid', 'interfaceIndex'],
  entry: {
    fn: GetUnicastIpAddressEntry,
    input: { t: 'object', example: "{ address: '192.0.2.7', interfaceIndex: 12 }", parts: [{ t: 'address', arg: 'address' }, { t: 'interface', index: 'interfaceIndex', luid: 'interfaceLuid' }] },
  },
  notify: NotifyUnicastIpAddressChange,
  capture: 'unicastAddresses',
  view: {
    command: 'addresses',
    cmdlet: 'Get-NetIPAddress',
    help: 'unicast IP addresses with origin and lifetime',
    extras: ['interfaceAlias'],
    columns: [
      { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
      { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
      { field: 'address', header: 'IPAddress', cell: (r) => r.address },
      { field: 'onLinkPrefixLength', header: 'PrefixLength', cell: (r) => String(r.onLinkPrefixLength) },
      { field: 'prefixOrigin', header: 'PrefixOrigin', cell: (r) => capital(r.prefixOrigin) },
      { field: 'suffixOrigin', header: 'SuffixOrigin', cell: (r) => capital(r.suffixOrigin) },
      { field: 'dadState', header: 'AddressState', cell: (r) => capital(r.dadState) },
      { field: 'validLifetime', header: 'ValidLifetime', cell: (r) => lifetime(r.validLifetime) },
    ],
    sort: (r) => [r.interfaceIndex, addressKey(r.address)],
    alarm: ['Duplicate', 'Invalid', 'Deprecated'],
    watchLine: (c) => ` ${String(c.address)}` + (c.row ? `/${c.row.onLinkPrefixLength} ${c.row.dadState}` : ''),
  },
  docs: {
    get: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable',
    entry: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry',
    notify: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-notifyunicastipaddresschange',
    table: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_table',
  },
  api: {
    get: 'getUnicastIpAddressTable',
    getAsync: 'getUnicastIpAddressTableAsync',
    entry: 'getUnicastIpAddressEntry',
    entryAsync: 'getUnicastIpAddressEntryAsync',
    decode: 'decodeUnicastIpAddressTable',
    schema: 'unicastIpAddressRowSchema',
    watch: 'watchUnicastAddresses',
    watcher: 'UnicastAddressWatcher',
    row: 'UnicastIpAddressRow',
  },
});

/**
 * Retrieves every unicast IP address (both families by default) as validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export const getUnicastIpAddressTable: (family?: FamilyOption) => UnicastIpAddressRow[] = UNICAST_ADDRESSES.get;

/**
 * Like getUnicastIpAddressTable, with the native calls on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddresstable
 */
export const getUnicastIpAddressTableAsync: (family?: FamilyOption) => Promise<UnicastIpAddressRow[]> = UNICAST_ADDRESSES.getAsync;

/**
 * Retrieves one unicast IP address by its text and interface; `ERROR_NOT_FOUND` when that interface has no such address.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export const getUnicastIpAddressEntry: (key: UnicastIpAddressKey) => UnicastIpAddressRow = UNICAST_ADDRESSES.entry;

/**
 * Like getUnicastIpAddressEntry, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getunicastipaddressentry
 */
export const getUnicastIpAddressEntryAsync: (key: UnicastIpAddressKey) => Promise<UnicastIpAddressRow> = UNICAST_ADDRESSES.entryAsync;

/**
 * Decodes the raw bytes of a MIB_UNICASTIPADDRESS_TABLE into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_unicastipaddress_table
 */
export const decodeUnicastIpAddressTable: (bytes: Uint8Array | ArrayBuffer) => UnicastIpAddressRow[] = UNICAST_ADDRESSES.decode;
