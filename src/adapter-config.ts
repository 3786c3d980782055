/**
 * Adapter configuration and DNS — what `ipconfig /all` and Get-DnsClientServerAddress show — as
 * one GetAdaptersAddresses call: a linked list in a caller-allocated buffer (see
 * adapterListCall), decoded through the IP_ADAPTER_ADDRESSES_LH declaration (decodeList).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
import { describeValue, readObject } from './errors.js';
import { toAddressFamily, type FamilyOption } from './family.js';
import { GetAdaptersAddresses } from './functions.js';
import { adapterListCall, type ListBytes } from './mibtable.js';
import { checkListAddress, decodeList, listArch, type ListOrigin } from './struct/define.js';
import { AF_INET, AF_INET6, processArch, type RowOf } from './struct/ctypes.js';
import { IP_ADAPTER_ADDRESSES_LH } from './structs/ip-adapter-addresses.js';

/** One adapter as GetAdaptersAddresses describes it (IP_ADAPTER_ADDRESSES_LH; see docs/structs/IP_ADAPTER_ADDRESSES_LH.md). */
export type AdapterAddresses = RowOf<typeof IP_ADAPTER_ADDRESSES_LH.decl.members>;

/** GAA_FLAG_* (iptypes.h). */
export const GAA_FLAG = Object.freeze({
  SKIP_UNICAST: 0x1,
  SKIP_ANYCAST: 0x2,
  SKIP_MULTICAST: 0x4,
  SKIP_DNS_SERVER: 0x8,
  INCLUDE_PREFIX: 0x10,
  SKIP_FRIENDLY_NAME: 0x20,
  INCLUDE_GATEWAYS: 0x80,
} as const);

/** Parts of getAdaptersAddresses' answer, each true by default; false skips it (GAA_FLAG_SKIP_…), for a faster call. */
export interface AdaptersAddressesOptions {
  readonly unicast?: boolean;
  readonly anycast?: boolean;
  readonly multicast?: boolean;
  readonly dnsServers?: boolean;
  readonly friendlyName?: boolean;
}

const SKIP: Readonly<Record<keyof AdaptersAddressesOptions, number>> = {
  unicast: GAA_FLAG.SKIP_UNICAST,
  anycast: GAA_FLAG.SKIP_ANYCAST,
  multicast: GAA_FLAG.SKIP_MULTICAST,
  dnsServers: GAA_FLAG.SKIP_DNS_SERVER,
  friendlyName: GAA_FLAG.SKIP_FRIENDLY_NAME,
};

/** The GAA flags for `options`: gateways and prefixes always, each part skipped when its option is false. */
function gaaFlags(options: unknown): number {
  const given = options === undefined ? {} : readObject(options, 'options');
  let flags = GAA_FLAG.INCLUDE_GATEWAYS | GAA_FLAG.INCLUDE_PREFIX;
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(SKIP, key)) {
      throw new TypeError(`Expected \`options\` to have only ${Object.keys(SKIP).map((k) => `\`${k}\``).join(', ')}, got \`${key}\``);
    }
    if (value === undefined) continue;
    if (typeof value !== 'boolean') throw new TypeError(`Expected \`options.${key}\` to be a boolean, got ${describeValue(value)}`);
    if (!value) flags |= SKIP[key as keyof AdaptersAddressesOptions];
  }
  return flags;
}

const call = adapterListCall(GetAdaptersAddresses, (family: unknown, options: unknown) => [toAddressFamily(family), gaaFlags(options)] as const);

/** The adapters in a list's bytes, filled by this process ([] for no list: ERROR_NO_DATA). */
function decodeAdapters(list: ListBytes | null): AdapterAddresses[] {
  if (list === null) return [];
  return decodeList(IP_ADAPTER_ADDRESSES_LH, list.bytes, { arch: processArch(), base: list.base, head: list.head });
}

/**
 * Decodes a GetAdaptersAddresses buffer taken anywhere — a capture, another process, another
 * architecture — given where it was (`origin`: its architecture, its address and its first
 * adapter's). Pure: no native code.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iptypes/ns-iptypes-ip_adapter_addresses_lh
 */
export function decodeAdaptersAddresses(bytes: Uint8Array | ArrayBuffer, origin: ListOrigin): AdapterAddresses[] {
  const o = readObject(origin, 'origin');
  const arch = listArch(o.arch);
  if (arch === undefined) throw new TypeError(`Expected \`origin.arch\` to be 'x64', 'ia32' or 'arm64', got ${describeValue(o.arch)}`);
  return decodeList(IP_ADAPTER_ADDRESSES_LH, bytes, { arch, base: checkListAddress(o.base, 'origin.base'), head: checkListAddress(o.head, 'origin.head') });
}

/** Not API: the raw list for captures (its bytes, base and head). */
export function adapterListBytes(family: FamilyOption = 'all'): ListBytes | null {
  return call.sync(family, undefined);
}

/**
 * Retrieves every adapter's configuration — addresses with prefix lengths, gateways, DNS servers
 * and suffixes, DHCP, MTU, metrics — as `ipconfig /all` shows it (GetAdaptersAddresses with
 * GAA_FLAG_INCLUDE_GATEWAYS and GAA_FLAG_INCLUDE_PREFIX); `family` limits the addresses listed.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export function getAdaptersAddresses(family: FamilyOption = 'all', options?: AdaptersAddressesOptions): AdapterAddresses[] {
  return decodeAdapters(call.sync(family, options));
}

/**
 * getAdaptersAddresses on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export async function getAdaptersAddressesAsync(family: FamilyOption = 'all', options?: AdaptersAddressesOptions): Promise<AdapterAddresses[]> {
  return decodeAdapters(await call.async(family, options));
}

/** The DNS servers one adapter uses for one family (a row of Get-DnsClientServerAddress). */
export interface DnsServerEntry {
  /** The interface index for that family (IfIndex for IPv4, Ipv6IfIndex for IPv6; the other one where that is 0). */
  readonly interfaceIndex: number;
  /** The interface alias (FriendlyName): "Ethernet", "Wi-Fi". */
  readonly alias: string;
  readonly family: 'ipv4' | 'ipv6';
  /** The servers of that family, in the order Windows asks them (a scoped IPv6 one ends in `%scopeId`). */
  readonly servers: string[];
  /** The adapter's connection-specific DNS suffix ('' for none). */
  readonly suffix: string;
  /** The interface metric for that family (lower is asked first). */
  readonly metric: number;
}

/** The part of an adapter the DNS functions read (what a capture's or a call's rows both have). */
type DnsAdapter = Pick<
  AdapterAddresses,
  'ifIndex' | 'ipv6IfIndex' | 'flags' | 'friendlyName' | 'dnsServers' | 'dnsSuffix' | 'dnsSuffixes' | 'ipv4Metric' | 'ipv6Metric' | 'operStatus'
>;

/**
 * One entry per adapter that is up and has the family enabled (its index for it is not 0, or its
 * Ipv4Enabled / Ipv6Enabled flag is set), with its adapter: lowest metric first, then lowest
 * index, IPv4 before IPv6.
 */
function dnsEntries<A extends DnsAdapter>(adapters: readonly A[], af: 0 | 2 | 23): { entry: DnsServerEntry; adapter: A }[] {
  const entries: { entry: DnsServerEntry; adapter: A }[] = [];
  for (const adapter of adapters) {
    if (adapter.operStatus !== 'up') continue;
    for (const f of [AF_INET, AF_INET6] as const) {
      if (af !== 0 && af !== f) continue;
      const v6 = f === AF_INET6;
      // A family is enabled when its index is set or its flag says so (Wine 8 leaves Ipv6IfIndex 0).
      const own = v6 ? adapter.ipv6IfIndex : adapter.ifIndex;
      if (own === 0 && !(v6 ? adapter.flags.ipv6Enabled : adapter.flags.ipv4Enabled)) continue;
      const interfaceIndex = own !== 0 ? own : v6 ? adapter.ifIndex : adapter.ipv6IfIndex;
      const entry: DnsServerEntry = {
        interfaceIndex,
        alias: adapter.friendlyName,
        family: v6 ? 'ipv6' : 'ipv4',
        servers: adapter.dnsServers.filter((s) => s.includes(':') === v6),
        suffix: adapter.dnsSuffix,
        metric: v6 ? adapter.ipv6Metric : adapter.ipv4Metric,
      };
      entries.push({ entry, adapter });
    }
  }
  const rank = (e: DnsServerEntry) => (e.family === 'ipv4' ? 0 : 1);
  return entries.sort(({ entry: x }, { entry: y }) => x.metric - y.metric || x.interfaceIndex - y.interfaceIndex || rank(x) - rank(y));
}

/** Not API: the DNS entries of decoded adapters, as getDnsServers gives them (the CLI's, for rows from a capture too). */
export function dnsServersOf(adapters: readonly DnsAdapter[], family: FamilyOption = 'all'): DnsServerEntry[] {
  return dnsEntries(adapters, toAddressFamily(family)).map(({ entry }) => entry);
}

/**
 * What the DNS functions ask for: no anycast or multicast addresses. Unicast ones are kept: Wine 8
 * sets an adapter's Ipv4Enabled/Ipv6Enabled flags (which say whether it has a family, Ipv6IfIndex
 * being 0 there) from its addresses, and leaves them clear when they are skipped.
 */
const DNS_ONLY: AdaptersAddressesOptions = { anycast: false, multicast: false };

/**
 * The DNS servers of each adapter that is up, per family, in the order Windows asks them (lowest
 * interface metric first): what Get-DnsClientServerAddress lists, from one GetAdaptersAddresses call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export function getDnsServers(family: FamilyOption = 'all'): DnsServerEntry[] {
  toAddressFamily(family); // before any native call
  return dnsServersOf(getAdaptersAddresses('all', DNS_ONLY), family);
}

/**
 * getDnsServers on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export async function getDnsServersAsync(family: FamilyOption = 'all'): Promise<DnsServerEntry[]> {
  toAddressFamily(family);
  return dnsServersOf(await getAdaptersAddressesAsync('all', DNS_ONLY), family);
}

/** What a resolver needs: the servers to ask, in order, and the suffixes to search. */
export interface DnsConfiguration {
  /**
   * Every adapter's servers (see getDnsServers), in that order, each once; without the
   * placeholders Windows lists on an adapter that has none (fec0:0:0:ffff::1, ::2 and ::3, which
   * c-ares skips too).
   */
  readonly servers: string[];
  /** The adapters' connection-specific suffixes and their suffix lists (FirstDnsSuffix), in the same order, each once. */
  readonly suffixes: string[];
}

/** The site-local DNS servers Windows shows on an adapter that has no DNS server configured (deprecated since RFC 3879). */
const PLACEHOLDER = /^fec0:0:0:ffff::[123](%\d+)?$/;

/** Not API: the DNS configuration of decoded adapters, as getDnsConfiguration gives it. */
export function dnsConfigurationOf(adapters: readonly DnsAdapter[]): DnsConfiguration {
  const servers = new Set<string>();
  const suffixes = new Set<string>();
  for (const { entry, adapter } of dnsEntries(adapters, 0)) {
    for (const server of entry.servers) if (!PLACEHOLDER.test(server)) servers.add(server);
    for (const suffix of [entry.suffix, ...adapter.dnsSuffixes]) if (suffix !== '') suffixes.add(suffix);
  }
  return { servers: [...servers], suffixes: [...suffixes] };
}

/**
 * The DNS servers to ask, in the order Windows would (de-duplicated across adapters), and the DNS
 * suffixes to search: a resolver's configuration, from one GetAdaptersAddresses call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export function getDnsConfiguration(): DnsConfiguration {
  return dnsConfigurationOf(getAdaptersAddresses('all', DNS_ONLY));
}

/**
 * getDnsConfiguration on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getadaptersaddresses
 */
export async function getDnsConfigurationAsync(): Promise<DnsConfiguration> {
  return dnsConfigurationOf(await getAdaptersAddressesAsync('all', DNS_ONLY));
}
