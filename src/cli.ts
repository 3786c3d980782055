#!/usr/bin/env node
/**
 * The `ipinterface` command: Get-NetIPInterface for Node. Options are parsed by
 * Node's own util.parseArgs; the table is aligned here (a column aligner is a
 * few lines, and a table library would add six packages to every application
 * that embeds this one).
 */
import { writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseIp } from './ip.js';
import { parseArgs } from 'node:util';
import { getUnicastIpAddressTable, INFINITE_LIFETIME, type UnicastIpAddressRow } from './addresses.js';
import { getIpNetTable2, type IpNetRow2 } from './neighbors.js';
import { chooseRoute, getBestRoute, getIpForwardTable2, type BestRoute, type BestRouteOptions, type IpForwardRow2 } from './routes.js';
import { MIB_IPFORWARD_ROW2, MIB_IPNET_ROW2, MIB_UNICASTIPADDRESS_ROW } from './structs/index.js';
import { getIfTable2, type IfRow2 } from './adapters.js';
import { decodeCapture, type Capture } from './capture.js';
import { readCaptureFile } from './capturefile.js';
import type { FamilyOption } from './family.js';
import { ADAPTER_FIELD_KEYS, getIpInterfaces, joinAdapters, type IpInterface } from './interfaces.js';
import { ROW_FIELDS } from './layout.js';
import type { IpInterfaceRow } from './schema.js';
import { MIB_IF_ROW2 } from './structs/mib-if-row2.js';
import { captureTables, getIpInterfaceTable } from './table.js';
import { watchIpInterfaces, watchRoutes, watchUnicastAddresses, type IpInterfaceChange, type RouteChange, type UnicastAddressChange } from './watch.js';
import { checkChanges, setIpInterface, type IpInterfaceChanges } from './set.js';

const HELP = `Usage: ipinterface [interfaces] [options]
       ipinterface adapters|addresses|routes|neighbors [options]
       ipinterface route-to ADDRESS [--source ADDRESS] [--interface INDEX] [options]
       ipinterface set INDEX|ALIAS --family ipv4|ipv6 [settings]

Views (each like the PowerShell command it replaces):
  interfaces   per-interface IP settings: MTU, metric, connection,
               forwarding, router discovery (Get-NetIPInterface; the default)
  adapters     name, description, index, status, MAC, link speed (Get-NetAdapter)
  addresses    unicast IP addresses with origin and lifetime (Get-NetIPAddress)
  routes       the routing table with route and interface metrics (Get-NetRoute,
               route print)
  neighbors    the ARP and IPv6 neighbour caches (Get-NetNeighbor, arp -a)
  route-to     the route, interface and source address the system would use
               for ADDRESS (Find-NetRoute); with --from, computed from the
               captured tables by Windows' rule

Options
  --family ipv4|ipv6|all   Address family (default: all; not for adapters, route-to)
  --json                   Print a JSON array of rows with every field
  --ndjson                 Print one JSON row per line
  --fields a,b,c           Only these fields (table columns or JSON keys)
  --watch                  Print changes as they happen, until Ctrl-C
                           (interfaces, addresses, routes)
  --source ADDRESS         route-to: from this source address (its interface)
  --interface INDEX        route-to: only through this interface
  --save FILE              Save every table (interfaces, adapters, addresses,
                           routes, neighbours) to one capture file (Windows)
  --from FILE              Read a capture file instead of this system (any OS)
  -h, --help               Show this help
  -v, --version            Show the version

Settings for \`set\` (like Set-NetIPInterface; needs an elevated prompt)
  --metric N|automatic            Interface metric, or back to automatic
  --mtu N                         NlMtu in bytes
  --forwarding enabled|disabled   --advertising enabled|disabled
  --weak-host-send enabled|disabled   --weak-host-receive enabled|disabled
  --router-discovery disabled|enabled|dhcp
  --dad-transmits N               --ignore-default-routes enabled|disabled
  --json                          Print { before, after } as JSON
It prints the row before and after the change.

In JSON, 64-bit values (LUIDs, link speeds, counters) are decimal strings.

Exit codes: 0 ok, 1 system error, 2 bad usage.

Examples
  ipinterface --family ipv4
  ipinterface --json --fields interfaceIndex,alias,nlMtu
  ipinterface --save table.ipcap      (attach it to a bug report)
  ipinterface --from table.ipcap      (decode it anywhere)
  ipinterface adapters --json --fields alias,physicalAddress,operStatus
  ipinterface routes --family ipv4
  ipinterface route-to 8.8.8.8
  ipinterface set Wi-Fi --family ipv4 --metric 5
`;

/** A table column: its header, how to show a row, and the field it comes from (for --fields). */
interface Column<R> {
  readonly field: string;
  readonly header: string;
  readonly cell: (r: R) => string;
}

/** Table columns of the interfaces view (Get-NetIPInterface). */
const COLUMNS: readonly Column<IpInterface>[] = [
  { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
  { field: 'alias', header: 'InterfaceAlias', cell: (r) => r.alias ?? '' },
  { field: 'family', header: 'AddressFamily', cell: (r) => (r.family === 'ipv4' ? 'IPv4' : 'IPv6') },
  { field: 'nlMtu', header: 'NlMtu(Bytes)', cell: (r) => String(r.nlMtu) },
  { field: 'metric', header: 'InterfaceMetric', cell: (r) => `${r.metric}${r.useAutomaticMetric ? ' (auto)' : ''}` },
  { field: 'connected', header: 'ConnectionState', cell: (r) => (r.connected ? 'Connected' : 'Disconnected') },
  { field: 'forwardingEnabled', header: 'Forwarding', cell: (r) => (r.forwardingEnabled ? 'Enabled' : 'Disabled') },
  { field: 'routerDiscoveryBehavior', header: 'RouterDiscovery', cell: (r) => r.routerDiscoveryBehavior },
  { field: 'dadTransmits', header: 'DadTransmits', cell: (r) => String(r.dadTransmits) },
];

/** Get-NetAdapter's Status: what a person calls the adapter's state. */
export function adapterStatus(r: Pick<IfRow2, 'operStatus' | 'adminStatus' | 'mediaConnectState'>): string {
  if (r.operStatus === 'notPresent') return 'Not Present';
  if (r.adminStatus === 'down') return 'Disabled';
  if (r.operStatus === 'up') return 'Up';
  if (r.mediaConnectState === 'disconnected' || r.operStatus === 'lowerLayerDown') return 'Disconnected';
  return r.operStatus.charAt(0).toUpperCase() + r.operStatus.slice(1);
}

/** Get-NetAdapter's LinkSpeed: '1 Gbps', '866.7 Mbps', '0 bps'. */
export function linkSpeed(bitsPerSecond: bigint): string {
  const units = ['bps', 'Kbps', 'Mbps', 'Gbps', 'Tbps', 'Pbps', 'Ebps'];
  let unit = 0;
  let scaled = Number(bitsPerSecond);
  while (scaled >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${Number(scaled.toFixed(1))} ${units[unit]}`;
}

/** Table columns of the adapters view (Get-NetAdapter). */
const ADAPTER_COLUMNS: readonly Column<IfRow2>[] = [
  { field: 'alias', header: 'Name', cell: (r) => r.alias },
  { field: 'description', header: 'InterfaceDescription', cell: (r) => r.description },
  { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
  { field: 'operStatus', header: 'Status', cell: adapterStatus },
  { field: 'physicalAddress', header: 'MacAddress', cell: (r) => r.physicalAddress.toUpperCase().replaceAll(':', '-') },
  { field: 'transmitLinkSpeed', header: 'LinkSpeed', cell: (r) => linkSpeed(r.transmitLinkSpeed) },
];

/** Every key a row of `ipinterface --json` has: the row's, then the names. */
const ALL_FIELDS: readonly string[] = [...ROW_FIELDS.map(([, key]) => key), 'alias', 'name'];

/** What a view shows: its columns, JSON keys, order, and where its rows come from. */
interface View<R> {
  readonly name: 'interfaces' | 'adapters' | 'addresses' | 'routes' | 'neighbors' | 'route-to';
  /** Which options apply: --family, --watch, and how many positional arguments (route-to's destination). */
  readonly accepts: { readonly family: boolean; readonly watch: boolean; readonly positionals: 0 | 1 };
  readonly columns: readonly Column<R>[];
  /** JSON keys printed by default. */
  readonly jsonFields: readonly string[];
  /** Every key --fields accepts. */
  readonly fields: readonly string[];
  /** The order of the table: rows compare by these keys, computed once per row (a big table sorts fast). */
  readonly sortKey: (r: R) => readonly (string | number)[];
  /** Cells painted red. */
  readonly alarm: ReadonlySet<string>;
  readonly live: (options: Options) => R[];
  readonly fromCapture: (capture: Capture, options: Options) => R[];
}

const INTERFACES: View<IpInterface> = {
  name: 'interfaces',
  accepts: { family: true, watch: true, positionals: 0 },
  columns: COLUMNS,
  jsonFields: ALL_FIELDS,
  fields: [...ROW_FIELDS.map(([, key]) => key), ...ADAPTER_FIELD_KEYS],
  sortKey: (r) => [r.interfaceIndex, r.family],
  alarm: new Set(['Disconnected']),
  live: (options) => getIpInterfaces(options.family),
  fromCapture: (capture, options) => {
    const names = capture.metadata.interfaces ?? {};
    const rows = capture.rows.filter((r: IpInterfaceRow) => options.family === 'all' || r.family === options.family);
    // Names recorded by the capturing side win; a version 2 capture also has the adapter table.
    const joined = joinAdapters(rows, capture.adapters ?? [], (luid) => names[luid.toString()]?.name ?? null);
    return joined.map((r) => Object.assign(r, { alias: names[r.interfaceLuid.toString()]?.alias ?? r.alias }));
  },
};

const ADAPTERS: View<IfRow2> = {
  name: 'adapters',
  accepts: { family: false, watch: false, positionals: 0 },
  columns: ADAPTER_COLUMNS,
  jsonFields: MIB_IF_ROW2.keys,
  fields: MIB_IF_ROW2.keys,
  sortKey: (r) => [r.alias.toLowerCase(), r.interfaceIndex],
  alarm: new Set(['Disconnected', 'Disabled', 'Down', 'Not Present']),
  live: () => getIfTable2(),
  fromCapture: (capture) => {
    if (!capture.adapters) throw new UsageError('This capture holds no adapter table (it was saved before `ipinterface adapters` existed); save a new one with --save');
    return capture.adapters;
  },
};

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const familyOf = (address: string): 'ipv4' | 'ipv6' => (address.includes(':') ? 'ipv6' : 'ipv4');
const inFamily = (options: Options, address: string) => options.family === 'all' || familyOf(address) === options.family;
/** A key that orders addresses numerically (192.168.1.9 before 192.168.1.10), IPv4 before IPv6. */
function addressKey(address: string): string {
  const bytes = parseIp(address, 'address').bytes;
  let key = bytes.length === 4 ? '4' : '6';
  for (const b of bytes) key += b.toString(16).padStart(2, '0');
  return key;
}
const macText = (mac: string) => mac.toUpperCase().replaceAll(':', '-');

/** A lifetime in seconds as PowerShell shows a TimeSpan ('Infinite' for 0xFFFFFFFF). */
export function lifetime(seconds: number): string {
  if (seconds === INFINITE_LIFETIME) return 'Infinite';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  const hms = [h, m, sec].map((n) => String(n).padStart(2, '0')).join(':');
  return d > 0 ? `${d}.${hms}` : hms;
}

/** The adapters' aliases by LUID: from the live table (when the system has one) or a capture's. */
function aliasesOf(adapters: readonly IfRow2[] | undefined): (luid: bigint) => string | null {
  const map = new Map((adapters ?? []).map((a) => [a.interfaceLuid, a.alias]));
  return (luid) => map.get(luid) ?? null;
}
function liveAdapters(): IfRow2[] | undefined {
  try {
    return getIfTable2();
  } catch {
    return undefined;
  }
}
function liveInterfaces(family: FamilyOption): IpInterfaceRow[] | undefined {
  try {
    return getIpInterfaceTable(family);
  } catch {
    return undefined; // e.g. Wine: GetIpInterfaceTable is not supported
  }
}
function needTable<T>(rows: T[] | undefined, what: string): T[] {
  if (!rows) throw new UsageError(`This capture holds no ${what} table (it was saved by an older ipinterface); save a new one with --save`);
  return rows;
}

type WithAlias<R> = R & { interfaceAlias: string | null };

/** Get-NetIPAddress. */
const ADDRESSES: View<WithAlias<UnicastIpAddressRow>> = {
  name: 'addresses',
  accepts: { family: true, watch: true, positionals: 0 },
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
  jsonFields: [...MIB_UNICASTIPADDRESS_ROW.keys, 'interfaceAlias'],
  fields: [...MIB_UNICASTIPADDRESS_ROW.keys, 'interfaceAlias'],
  sortKey: (r) => [r.interfaceIndex, addressKey(r.address)],
  alarm: new Set(['Duplicate', 'Invalid', 'Deprecated']),
  live: (options) => {
    const alias = aliasesOf(liveAdapters());
    return getUnicastIpAddressTable(options.family).map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid) }));
  },
  fromCapture: (capture, options) => {
    const alias = aliasesOf(capture.adapters);
    return needTable(capture.unicastAddresses, 'address')
      .filter((r) => inFamily(options, r.address))
      .map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid) }));
  },
};

type RouteRow = WithAlias<IpForwardRow2> & { interfaceMetric: number | null };
const routeMetrics = (interfaces: readonly IpInterfaceRow[] | undefined) => {
  const map = new Map((interfaces ?? []).map((i) => [`${i.family}/${i.interfaceIndex}`, i.metric]));
  return (r: IpForwardRow2) => map.get(`${familyOf(r.destinationPrefix.address)}/${r.interfaceIndex}`) ?? null;
};

/** Get-NetRoute. */
const ROUTES: View<RouteRow> = {
  name: 'routes',
  accepts: { family: true, watch: true, positionals: 0 },
  columns: [
    { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
    { field: 'destinationPrefix', header: 'DestinationPrefix', cell: (r) => `${r.destinationPrefix.address}/${r.destinationPrefix.prefixLength}` },
    { field: 'nextHop', header: 'NextHop', cell: (r) => r.nextHop },
    { field: 'metric', header: 'RouteMetric', cell: (r) => String(r.metric) },
    { field: 'interfaceMetric', header: 'ifMetric', cell: (r) => (r.interfaceMetric === null ? '' : String(r.interfaceMetric)) },
    { field: 'protocol', header: 'Protocol', cell: (r) => capital(r.protocol) },
    { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
  ],
  jsonFields: [...MIB_IPFORWARD_ROW2.keys, 'interfaceAlias', 'interfaceMetric'],
  fields: [...MIB_IPFORWARD_ROW2.keys, 'interfaceAlias', 'interfaceMetric'],
  sortKey: (r) => [familyOf(r.destinationPrefix.address), r.interfaceIndex, addressKey(r.destinationPrefix.address), r.destinationPrefix.prefixLength],
  alarm: new Set(),
  live: (options) => {
    const alias = aliasesOf(liveAdapters());
    const metric = routeMetrics(liveInterfaces(options.family));
    return getIpForwardTable2(options.family).map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid), interfaceMetric: metric(r) }));
  },
  fromCapture: (capture, options) => {
    const alias = aliasesOf(capture.adapters);
    const metric = routeMetrics(capture.rows);
    return needTable(capture.routes, 'route')
      .filter((r) => inFamily(options, r.destinationPrefix.address))
      .map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid), interfaceMetric: metric(r) }));
  },
};

/** Get-NetNeighbor (what `arp -a` lists, and IPv6's neighbours). */
const NEIGHBORS: View<WithAlias<IpNetRow2>> = {
  name: 'neighbors',
  accepts: { family: true, watch: false, positionals: 0 },
  columns: [
    { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
    { field: 'address', header: 'IPAddress', cell: (r) => r.address },
    { field: 'physicalAddress', header: 'LinkLayerAddress', cell: (r) => macText(r.physicalAddress) },
    { field: 'state', header: 'State', cell: (r) => capital(r.state) },
    { field: 'isRouter', header: 'IsRouter', cell: (r) => (r.isRouter ? 'True' : 'False') },
    { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
  ],
  jsonFields: [...MIB_IPNET_ROW2.keys, 'interfaceAlias'],
  fields: [...MIB_IPNET_ROW2.keys, 'interfaceAlias'],
  sortKey: (r) => [r.interfaceIndex, addressKey(r.address)],
  alarm: new Set(['Unreachable', 'Incomplete']),
  live: (options) => {
    const alias = aliasesOf(liveAdapters());
    return getIpNetTable2(options.family).map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid) }));
  },
  fromCapture: (capture, options) => {
    const alias = aliasesOf(capture.adapters);
    return needTable(capture.neighbors, 'neighbour')
      .filter((r) => inFamily(options, r.address))
      .map((r) => Object.assign({}, r, { interfaceAlias: alias(r.interfaceLuid) }));
  },
};

type RouteTo = BestRoute & { interfaceAlias: string | null };

/** Find-NetRoute: the route (and source address) the system would use for one destination. */
const ROUTE_TO: View<RouteTo> = {
  name: 'route-to',
  accepts: { family: false, watch: false, positionals: 1 },
  columns: [
    { field: 'interfaceIndex', header: 'ifIndex', cell: (r) => String(r.interfaceIndex) },
    { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias ?? '' },
    { field: 'sourceAddress', header: 'SourceAddress', cell: (r) => r.sourceAddress ?? '' },
    { field: 'route', header: 'DestinationPrefix', cell: (r) => `${r.route.destinationPrefix.address}/${r.route.destinationPrefix.prefixLength}` },
    { field: 'nextHop', header: 'NextHop', cell: (r) => r.nextHop },
    { field: 'routeMetric', header: 'RouteMetric', cell: (r) => String(r.routeMetric) },
    { field: 'interfaceMetric', header: 'ifMetric', cell: (r) => (r.interfaceMetric === null ? '' : String(r.interfaceMetric)) },
    { field: 'method', header: 'FoundBy', cell: (r) => r.method },
  ],
  jsonFields: ['destination', 'family', 'interfaceIndex', 'interfaceLuid', 'interfaceAlias', 'nextHop', 'sourceAddress', 'routeMetric', 'interfaceMetric', 'effectiveMetric', 'method', 'route'],
  fields: ['destination', 'family', 'interfaceIndex', 'interfaceLuid', 'interfaceAlias', 'nextHop', 'sourceAddress', 'routeMetric', 'interfaceMetric', 'effectiveMetric', 'method', 'route'],
  sortKey: () => [],
  alarm: new Set(),
  live: (options) => {
    const best = getBestRoute(options.positionals[0]!, routeToOptions(options));
    return [{ ...best, interfaceAlias: aliasesOf(liveAdapters())(best.interfaceLuid) }];
  },
  fromCapture: (capture, options) => {
    const best = chooseRoute(
      options.positionals[0]!,
      { routes: needTable(capture.routes, 'route'), interfaces: capture.rows, addresses: capture.unicastAddresses },
      routeToOptions(options),
    );
    return [{ ...best, interfaceAlias: aliasesOf(capture.adapters)(best.interfaceLuid) }];
  },
};

function routeToOptions(options: Options): BestRouteOptions {
  return {
    ...(options.source === undefined ? {} : { sourceAddress: options.source }),
    ...(options.interface === undefined ? {} : { interfaceIndex: integer('interface', options.interface) }),
  };
}

class UsageError extends Error {}

interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
}

function bigintsAsStrings(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** bigints as decimal strings, all the way down (JSON cannot hold them); everything else as it is. */
function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(jsonSafe);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = jsonSafe((value as Record<string, unknown>)[key]);
  return out;
}

/** The named fields of a row, ready for JSON.stringify without a replacer (a replacer runs per key: slow for big tables). */
function pick(row: object, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = jsonSafe((row as Record<string, unknown>)[f]);
  return out;
}

function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  return io.stdout.isTTY === true;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A cell as a terminal may show it: control characters (and line or paragraph separators) as visible escapes. */
function printable(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Terminal columns a string takes: East Asian wide characters take two, combining marks none. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length; // printable ASCII: one column each
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff) continue;
    width +=
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** Aligned columns; bold header and red alarms ("Disconnected") on a colour terminal. */
export function renderTable<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view: View<R> = INTERFACES as unknown as View<R>): string {
  return `${renderLines(rows, fields, color, view).join('\n')}\n`;
}

/** The table's lines (no recursion or argument spreading over rows: any number of rows). */
function renderLines<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view: View<R>): string[] {
  const columns = fields ? fields.map((f) => view.columns.find((c) => c.field === f) ?? genericColumn<R>(f)) : view.columns;
  const keyed = rows.map((row) => ({ row, key: view.sortKey(row) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const x = a.key[i]!;
      const y = b.key[i]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const sorted = keyed.map((k) => k.row);
  const cells = sorted.map((row) => columns.map((c) => printable(c.cell(row))));
  const widths = columns.map((c) => c.header.length);
  for (const r of cells) for (let i = 0; i < r.length; i++) widths[i] = Math.max(widths[i]!, displayWidth(r[i]!));
  const paint = (text: string, code: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const line = (values: readonly string[], style?: (v: string, i: number) => string) =>
    values
      .map((v, i) => {
        const padded = v + ' '.repeat(widths[i]! - displayWidth(v));
        return style ? style(padded, i) : padded;
      })
      .join(' ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header), (v) => paint(v, '1')),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map((r) => line(r, (v) => (view.alarm.has(v.trim()) ? paint(v, '31') : v))),
  ];
}

function genericColumn<R>(field: string): Column<R> {
  return {
    field,
    header: field,
    cell: (r: R) => {
      const value = (r as unknown as Record<string, unknown>)[field];
      return typeof value === 'object' && value !== null ? JSON.stringify(value, bigintsAsStrings) : String(value ?? '');
    },
  };
}

function parse(argv: readonly string[], view: AnyView) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        family: { type: 'string' },
        source: { type: 'string' },
        interface: { type: 'string' },
        json: { type: 'boolean' },
        ndjson: { type: 'boolean' },
        fields: { type: 'string' },
        watch: { type: 'boolean' },
        save: { type: 'string' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const positionals = parsed.positionals;
  if (positionals.length > view.accepts.positionals && !v.help && !v.version) {
    throw new UsageError(`Unexpected argument '${positionals[view.accepts.positionals]}'${view.accepts.positionals ? '' : `: \`ipinterface${view === INTERFACES ? '' : ` ${view.name}`}\` takes no positional arguments`}`);
  }
  if (positionals.length < view.accepts.positionals && !v.help && !v.version) throw new UsageError(`\`ipinterface ${view.name}\` needs a destination address, e.g. ipinterface ${view.name} 192.0.2.1`);
  if (view.name !== 'route-to' && (v.source !== undefined || v.interface !== undefined)) throw new UsageError('--source and --interface are options of `ipinterface route-to`');
  if (view.name === 'route-to' && positionals[0] !== undefined && !isIP(positionals[0].split('%')[0]!)) {
    throw new UsageError(`Expected an IPv4 or IPv6 address after \`route-to\`, got \`${positionals[0]}\``);
  }
  const family = v.family ?? 'all';
  if (family !== 'ipv4' && family !== 'ipv6' && family !== 'all') {
    throw new UsageError(`Expected \`--family\` to be ipv4, ipv6 or all, got \`${family}\``);
  }
  if (v.json && v.ndjson) throw new UsageError('Use either --json or --ndjson, not both');
  if (v.from !== undefined && (v.save !== undefined || v.watch)) {
    throw new UsageError('--from reads a capture file: it cannot be combined with --save or --watch');
  }
  if (v.watch && v.save !== undefined) throw new UsageError('Use either --watch or --save, not both');
  if ((!view.accepts.family && v.family !== undefined) || (!view.accepts.watch && v.watch)) {
    throw new UsageError(`${v.watch && !view.accepts.watch ? '--watch' : '--family'} is not an option of \`ipinterface ${view.name}\` (--watch: interfaces, addresses, routes; --family: interfaces, addresses, routes, neighbors)`);
  }
  let fields: string[] | undefined;
  if (v.fields !== undefined) {
    // JSON keys, or the table's column headers (any case): `--fields ifIndex,NlMtu(Bytes)`.
    const byHeader = new Map(view.columns.map((c) => [c.header.toLowerCase(), c.field]));
    const given = v.fields.split(',').map((f) => f.trim()).filter((f) => f !== '');
    if (given.length === 0) throw new UsageError(`Expected \`--fields\` to name at least one field, e.g. --fields ${view.fields.slice(0, 2).join(',')}. Fields: ${view.fields.join(', ')}`);
    fields = given.map((f) => (view.fields.includes(f) ? f : (byHeader.get(f.toLowerCase()) ?? f)));
    const unknown = given.filter((_, i) => !view.fields.includes(fields![i]!));
    if (unknown.length > 0) {
      throw new UsageError(`Unknown field${unknown.length === 1 ? '' : 's'} in --fields: ${unknown.map((f) => printable(f)).join(', ')}. Fields: ${view.fields.join(', ')} (or the table's column headers)`);
    }
  }
  return { ...v, positionals, family: family as FamilyOption & ('ipv4' | 'ipv6' | 'all'), fields };
}

type Options = ReturnType<typeof parse>;

function version(): string {
  return (require('../package.json') as { version: string }).version;
}

/** Writes a chunk, waiting when the stream asks to (a slow reader of a pipe). */
function write(io: Io, chunk: string): Promise<void> | undefined {
  if (io.stdout.write(chunk)) return undefined;
  return new Promise((resolve) => io.stdout.once('drain', resolve));
}

/** Prints rows as a table, a JSON array or NDJSON, streamed in chunks: any table the decoder accepts fits. */
async function print<R>(rows: R[], view: View<R>, options: Options, io: Io): Promise<void> {
  const fields = options.fields ?? view.jsonFields;
  const CHUNK = 512;
  if (options.json || options.ndjson) {
    if (options.json) {
      if (rows.length === 0) return void (await write(io, '[]\n'));
      await write(io, '[\n');
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK).map((r, j) => {
        const last = i + j === rows.length - 1;
        return options.json
          ? `  ${JSON.stringify(pick(r as object, fields), null, 2).replaceAll('\n', '\n  ')}${last ? '' : ','}\n`
          : `${JSON.stringify(pick(r as object, fields))}\n`;
      });
      await write(io, part.join(''));
    }
    if (options.json) await write(io, ']\n');
    return;
  }
  const lines = renderLines(rows, options.fields, useColor(io), view);
  for (let i = 0; i < lines.length; i += CHUNK) await write(io, `${lines.slice(i, i + CHUNK).join('\n')}\n`);
}

/** What a --watch line says about a change, per view (the table form; JSON prints the whole event). */
type ChangeLike = { type: string; family: 'ipv4' | 'ipv6'; interfaceIndex: number; row?: object; error?: Error };
const WATCHES: Partial<Record<View<unknown>['name'], { start: typeof watchIpInterfaces | typeof watchRoutes | typeof watchUnicastAddresses; describe: (c: never) => string }>> = {
  interfaces: {
    start: watchIpInterfaces,
    describe: (c: IpInterfaceChange) => (c.row ? ` NlMtu=${c.row.nlMtu} metric=${c.row.metric} ${c.row.connected ? 'Connected' : 'Disconnected'}` : ''),
  },
  routes: {
    start: watchRoutes,
    describe: (c: RouteChange) =>
      ` ${c.destinationPrefix.address}/${c.destinationPrefix.prefixLength} via ${c.nextHop}` + (c.row ? ` metric=${c.row.metric} protocol=${c.row.protocol}` : ''),
  },
  addresses: {
    start: watchUnicastAddresses,
    describe: (c: UnicastAddressChange) => ` ${c.address}` + (c.row ? `/${c.row.onLinkPrefixLength} ${c.row.dadState}` : ''),
  },
};

function watch(view: AnyView, options: Options, io: Io): Promise<number> {
  const kind = WATCHES[view.name]!;
  return new Promise((resolve) => {
    const onChange = (change: ChangeLike) => {
      if (options.json || options.ndjson) {
        const { row, error, ...key } = change;
        const event = { ...key, ...(row ? { row: options.fields ? pick(row, options.fields) : row } : {}), ...(error ? { error: { code: (error as { code?: string }).code, message: error.message } } : {}) };
        io.stdout.write(`${JSON.stringify(event, bigintsAsStrings)}\n`);
      } else {
        io.stdout.write(
          printable(
            `${new Date().toISOString()} ${change.type} ${change.family === 'ipv4' ? 'IPv4' : 'IPv6'} ifIndex=${change.interfaceIndex}` +
              kind.describe(change as never) +
              (change.error ? ` (row unavailable: ${change.error.message})` : ''),
          ) + '\n',
        );
      }
    };
    const watcher = (kind.start as (l: (c: ChangeLike) => void, o: object) => { on(e: 'error', l: (e: Error) => void): void; close(): Promise<void> })(onChange, { family: options.family });
    watcher.on('error', (error: Error) => io.stderr.write(`ipinterface: ${printable(error.message)}\n`));
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void watcher.close().then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    io.stderr.write('Watching for changes; Ctrl-C to stop.\n');
  });
}

/** Exit code 2: the message, and where usage is. */
function badUsage(io: Io, error: unknown): number {
  io.stderr.write(`ipinterface: ${(error as Error).message}\nRun \`ipinterface --help\` for usage.\n`);
  return 2;
}

/** Exit code 1: the error's code (or name) and message. */
function systemError(io: Io, error: unknown): number {
  const e = error as Error & { code?: string };
  const code = e.code ?? e.name;
  // Node's file errors already start with their code ("ENOENT: no such file…"): say it once.
  io.stderr.write(`ipinterface: ${printable(e.message.startsWith(`${code}:`) ? e.message : `${code}: ${e.message}`)}\n`);
  return 1;
}

const SWITCH = (name: string, value: string): boolean => {
  if (value === 'enabled' || value === 'true' || value === 'on') return true;
  if (value === 'disabled' || value === 'false' || value === 'off') return false;
  throw new UsageError(`Expected \`--${name}\` to be enabled or disabled, got \`${value}\``);
};

function integer(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`Expected \`--${name}\` to be a whole number, got \`${value}\``);
  return Number(value);
}

function parseSet(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        family: { type: 'string' },
        metric: { type: 'string' },
        mtu: { type: 'string' },
        forwarding: { type: 'string' },
        advertising: { type: 'string' },
        'weak-host-send': { type: 'string' },
        'weak-host-receive': { type: 'string' },
        'router-discovery': { type: 'string' },
        'dad-transmits': { type: 'string' },
        'ignore-default-routes': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { help: true as const };
  if (parsed.positionals.length !== 1) throw new UsageError('`set` takes one interface: its index or its alias');
  if (v.family !== 'ipv4' && v.family !== 'ipv6') throw new UsageError(`\`set\` needs \`--family ipv4\` or \`--family ipv6\`${v.family === undefined ? '' : `, got \`${v.family}\``}`);
  const family: 'ipv4' | 'ipv6' = v.family === 'ipv4' ? 'ipv4' : 'ipv6';
  const changes: Record<string, unknown> = {};
  if (v.metric !== undefined) changes.metric = v.metric === 'automatic' ? 'automatic' : integer('metric', v.metric);
  if (v.mtu !== undefined) changes.nlMtu = integer('mtu', v.mtu);
  if (v.forwarding !== undefined) changes.forwardingEnabled = SWITCH('forwarding', v.forwarding);
  if (v.advertising !== undefined) changes.advertisingEnabled = SWITCH('advertising', v.advertising);
  if (v['weak-host-send'] !== undefined) changes.weakHostSend = SWITCH('weak-host-send', v['weak-host-send']);
  if (v['weak-host-receive'] !== undefined) changes.weakHostReceive = SWITCH('weak-host-receive', v['weak-host-receive']);
  if (v['router-discovery'] !== undefined) changes.routerDiscoveryBehavior = v['router-discovery'];
  if (v['dad-transmits'] !== undefined) changes.dadTransmits = integer('dad-transmits', v['dad-transmits']);
  if (v['ignore-default-routes'] !== undefined) changes.disableDefaultRoutes = SWITCH('ignore-default-routes', v['ignore-default-routes']);
  if (Object.keys(changes).length === 0) throw new UsageError('`set` needs at least one setting, e.g. --metric 5');
  return { target: parsed.positionals[0]!, family, changes: changes as IpInterfaceChanges, json: v.json ?? false };
}

async function runSet(argv: readonly string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parseSet>;
  try {
    parsed = parseSet(argv);
    if ('help' in parsed) {
      io.stdout.write(HELP);
      return 0;
    }
    // Every value is checked here, on any OS, before anything platform-specific (exit 2 names it).
    checkChanges(parsed.changes, parsed.family);
  } catch (error) {
    return badUsage(io, error);
  }
  const options = parsed;
  try {
    if (io.platform !== 'win32') {
      io.stderr.write(`ipinterface: changing settings needs Windows (this is ${io.platform})\n`);
      return 1;
    }
    let index = /^\d+$/.test(options.target) ? Number(options.target) : undefined;
    const names = new Map(getIpInterfaces(options.family).map((r) => [r.interfaceIndex, r]));
    if (index === undefined) {
      const match = [...names.values()].find((r) => r.alias?.toLowerCase() === options.target.toLowerCase());
      if (!match) {
        io.stderr.write(`ipinterface: no ${options.family === 'ipv4' ? 'IPv4' : 'IPv6'} interface has the alias \`${options.target}\`\n`);
        return 1;
      }
      index = match.interfaceIndex;
    }
    let result;
    try {
      result = setIpInterface({ family: options.family, index }, options.changes);
    } catch (error) {
      if (error instanceof TypeError) {
        return badUsage(io, error);
      }
      throw error;
    }
    const names2 = names.get(index);
    const joined = Object.fromEntries(ADAPTER_FIELD_KEYS.map((k) => [k, names2?.[k] ?? null]));
    const withNames = (row: IpInterfaceRow): IpInterface => Object.assign({}, row, joined) as unknown as IpInterface;
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ before: withNames(result.before), after: withNames(result.after) }, bigintsAsStrings, 2)}\n`);
      return 0;
    }
    const color = useColor(io);
    io.stdout.write(`Before:\n${renderTable([withNames(result.before)], undefined, color)}\nAfter:\n${renderTable([withNames(result.after)], undefined, color)}`);
    const changed = (Object.keys(result.after) as (keyof IpInterfaceRow)[]).filter(
      (k) => JSON.stringify(result.before[k], bigintsAsStrings) !== JSON.stringify(result.after[k], bigintsAsStrings),
    );
    io.stdout.write(
      `\nChanged: ${changed.length === 0 ? 'nothing' : changed.map((k) => `${k} ${JSON.stringify(result.before[k], bigintsAsStrings)} → ${JSON.stringify(result.after[k], bigintsAsStrings)}`).join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    return systemError(io, error);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyView = View<any>;
const VIEWS: Readonly<Record<string, AnyView>> = {
  interfaces: INTERFACES,
  adapters: ADAPTERS,
  addresses: ADDRESSES,
  routes: ROUTES,
  neighbors: NEIGHBORS,
  'route-to': ROUTE_TO,
};

/** Runs the command; returns the exit code. Exported for tests; the bin calls it with the real process. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'set') return runSet(argv.slice(1), io);
  const named = argv[0] !== undefined && !argv[0].startsWith('-') ? VIEWS[argv[0]] : undefined;
  const view: AnyView = named ?? INTERFACES;
  let options: Options;
  try {
    options = parse(named ? argv.slice(1) : argv, view);
  } catch (error) {
    return badUsage(io, error);
  }
  if (options.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  try {
    if (options.from !== undefined) {
      await print(view.fromCapture(decodeCapture(readCaptureFile(options.from)), options), view, options, io);
      return 0;
    }
    if (io.platform !== 'win32') {
      io.stderr.write(
        `ipinterface: reading this system's ${view.name} needs Windows (this is ${io.platform}); to decode tables saved on Windows (ipinterface --save FILE), run: ipinterface${named ? ` ${view.name}` : ''} --from FILE\n`,
      );
      return 1;
    }
    if (options.watch) return await watch(view, options, io);
    if (options.save !== undefined) {
      const interfaces = new Map(getIpInterfaces(options.family).map((r) => [r.interfaceLuid, { ...(r.alias === null ? {} : { alias: r.alias }), ...(r.name === null ? {} : { name: r.name }) }]));
      writeFileSync(options.save, captureTables({ family: options.family, interfaces }));
      io.stderr.write(`Saved ${interfaces.size} interfaces to ${options.save} (with the adapter, address, route and neighbour tables)\n`);
      return 0;
    }
    await print(view.live(options), view, options, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) return badUsage(io, error);
    return systemError(io, error);
  }
}

if (require.main === module) {
  // A reader that goes away (`ipinterface --json | head -1`) ends the output quietly; any other
  // write error (a full disk: `> /dev/full`) is one line on stderr and exit code 1, never a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`ipinterface: ${error.message.startsWith(`${error.code}:`) ? error.message : `${error.code ?? error.name}: ${error.message}`}\n`);
    process.exit(1);
  });
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, platform: process.platform }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`ipinterface: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
