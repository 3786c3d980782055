/**
 * The command's views. One per registered table that declares a view
 * (src/tables/), derived from that declaration: its options (--family for a
 * table whose rows have a family, --watch for one with a change feed), its
 * columns, JSON keys and --fields, its order and alarms, and its rows — from
 * this system (the table's own function) or from a capture (the table's rows
 * in it) — with the columns it joins from other tables of the same snapshot.
 * `route-to` (Find-NetRoute) is the one view that is not a table.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { getBestRoute } from '../best-route.js';
import type { Capture, RowStream } from '../capture/tables.js';
import type { RowSource } from './render.js';
import type { FamilyOption } from '../family.js';
import { ADAPTER_FIELD_KEYS, joinAdapters, nameOf } from '../interfaces.js';
import { getPortOwners, imageName, imagePaths, type PortOwner } from '../processes.js';
import { checkBestRouteArgs, chooseFromRows, type BestRoute, type BestRouteOptions } from '../route-choice.js';
import type { Table } from '../table/define.js';
import type { IfRow2 } from '../tables/adapters.js';
import type { TcpRow, UdpRow } from '../tables/connections.js';
import { ADAPTERS, IP_INTERFACES, ROUTES, TABLES, TCP_CONNECTIONS, UDP_ENDPOINTS, UNICAST_ADDRESSES } from '../tables/index.js';
import { addressKey, capital, familyText } from '../view/format.js';
import { dnsServersOf, getAdaptersAddresses, getDnsServers, type AdapterAddresses, type DnsServerEntry } from '../adapter-config.js';
import { IP_ADAPTER_ADDRESSES_LH } from '../structs/ip-adapter-addresses.js';
import type { IpInterfaceRow } from '../tables/ip-interfaces.js';
import type { IpForwardRow2 } from '../tables/routes.js';
import type { UnicastIpAddressRow } from '../tables/unicast-addresses.js';
import type { Column as DeclaredColumn, ExtraName, ViewDecl } from '../view/types.js';

export type Column<R> = DeclaredColumn<R>;

/** A usage problem: exit code 2, and the line that says how to use the command. */
export class UsageError extends Error {}

/** What util.parseArgs gives for `options`, strict, with positionals. */
type CommandArgs<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ args: string[]; strict: true; allowPositionals: true; options: O }>>;

/** A command's arguments by Node's own util.parseArgs (strict, positionals allowed); anything it refuses is a UsageError. */
export function commandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O): CommandArgs<O> {
  try {
    return parseArgs({ args: [...argv], strict: true, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** What a view's rows depend on: the family, and route-to's destination and options. */
export interface ViewOptions {
  readonly family: 'ipv4' | 'ipv6' | 'all';
  readonly positionals: readonly string[];
  readonly source?: string | undefined;
  readonly interface?: string | undefined;
  /** The filters some views take (checked by the command): a TCP state, an owning process, a port. */
  readonly state?: string | undefined;
  readonly pid?: number | undefined;
  readonly port?: number | undefined;
}

/** Whether a view's filters keep a row: --state (a TCP state, any case), --pid (the owning process), --port (the local or remote port). */
function keeps(options: ViewOptions): ((row: object) => boolean) | undefined {
  const { state, pid, port } = options;
  if (state === undefined && pid === undefined && port === undefined) return undefined;
  const wanted = state?.toLowerCase();
  return (row) => {
    const r = row as Record<string, unknown>;
    if (wanted !== undefined && String(r.state).toLowerCase() !== wanted) return false;
    if (pid !== undefined && r.owningPid !== pid) return false;
    if (port !== undefined && r.localPort !== port && r.remotePort !== port) return false;
    return true;
  };
}

/** The rows a view's filters keep. */
function filtered<R extends object>(rows: R[], options: ViewOptions): R[] {
  const keep = keeps(options);
  return keep ? rows.filter(keep) : rows;
}

/** What a view shows: its columns, JSON keys, order, and where its rows come from. */
export interface View<R> {
  readonly name: string;
  /** What the help says of it, and the cmdlet it mirrors. */
  readonly help: string;
  readonly cmdlet: string;
  /** Which options apply: --family, --watch, the filters, and how many positional arguments (route-to's destination, port's number). */
  readonly accepts: { readonly family: boolean; readonly watch: boolean; readonly positionals: 0 | 1; readonly filters?: readonly ('state' | 'pid' | 'port')[] };
  /** What the command says, exiting 1, when the view has no rows (port: nobody holds it); by default an empty view is fine. */
  readonly whenEmpty?: (options: ViewOptions) => string;
  readonly columns: readonly Column<R>[];
  /** JSON keys printed by default. */
  readonly jsonFields: readonly string[];
  /** Every key --fields accepts. */
  readonly fields: readonly string[];
  /** The order of the table: rows compare by these keys, computed once per row (a big table sorts fast). */
  readonly sortKey: (r: R) => readonly (string | number)[];
  /** Cells painted red. */
  readonly alarm: ReadonlySet<string>;
  readonly live: (options: ViewOptions) => R[];
  readonly fromCapture: (capture: Capture, options: ViewOptions) => R[];
  /**
   * The view's rows from a capture whose own table is read row by row as it is printed (see
   * openCapture): the structs to stream, and the rows from those streams. Views that need every
   * row at once (joins over the whole table, route-to, port) have none and use fromCapture.
   */
  readonly streamed?: {
    readonly structs: readonly string[];
    readonly source: (capture: Capture, streams: ReadonlyMap<string, RowStream>, options: ViewOptions) => RowSource<R>;
  };
  /** The table it shows (for --watch and the help), when it is one. */
  readonly table?: Table;
  /** Lines that are not a table (config: one block per adapter, as `ipconfig /all`), when --fields does not ask for columns; the printer escapes each. */
  readonly blocks?: (rows: readonly R[]) => string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyView = View<any>;

/** What a view joins to its rows, from the same snapshot: the live system, or one capture. */
interface Context {
  /** The adapters (MIB_IF_ROW2), or undefined where they cannot be had. */
  readonly adapters: () => IfRow2[] | undefined;
  /** The IP interface rows for the family, or undefined where they cannot be had (Wine: GetIpInterfaceTable is not supported). */
  readonly interfaces: () => IpInterfaceRow[] | undefined;
  /** getIpInterfaces' join of interface rows with their adapters and names. */
  readonly joinAdapters: (rows: readonly IpInterfaceRow[]) => object[];
  /** The image paths of processes (live: getProcessImagePath, each PID once; a capture: what it recorded). */
  readonly processPaths: (pids: readonly number[]) => Map<number, string | null>;
  /** One process's image path, where it can be had without a call per PID (a capture's record). */
  readonly processPath?: (pid: number) => string | null;
}

function optional<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function liveContext(family: FamilyOption): Context {
  let adapters: IfRow2[] | undefined | null = null;
  return {
    adapters: () => (adapters === null ? (adapters = optional(() => ADAPTERS.get())) : adapters),
    interfaces: () => optional(() => IP_INTERFACES.get(family)),
    // As getIpInterfaces: the adapter table is needed (its failure is the command's), names by conversion.
    joinAdapters: (rows) => joinAdapters(rows, ADAPTERS.get(), nameOf),
    processPaths: (pids) => imagePaths(pids),
  };
}

function captureContext(capture: Capture): Context {
  const names = capture.metadata.interfaces ?? {};
  return {
    adapters: () => capture.adapters,
    interfaces: () => capture.rows,
    // Names recorded by the capturing side win; a version 2 capture also has the adapter table.
    joinAdapters: (rows) =>
      joinAdapters(rows, capture.adapters ?? [], (luid) => names[luid.toString()]?.name ?? null).map((r) =>
        Object.assign(r, { alias: names[r.interfaceLuid.toString()]?.alias ?? r.alias }),
      ),
    processPaths: (pids) => {
      const recorded = (capture.metadata as { processes?: Record<string, string | null> }).processes ?? {};
      return new Map(pids.map((pid) => [pid, recorded[String(pid)] ?? null]));
    },
    processPath: (pid) => ((capture.metadata as { processes?: Record<string, string | null> }).processes ?? {})[String(pid)] ?? null,
  };
}

/** The keys each extra adds to --fields, and to the default JSON keys. */
function extraKeys(extra: ExtraName): { fields: readonly string[]; json: readonly string[] } {
  if (extra === 'adapter') return { fields: ADAPTER_FIELD_KEYS, json: ['alias', 'name'] };
  return { fields: [extra], json: [extra] };
}

/** Adds the view's extras (but the adapter join) to one row at a time, from the context; `pids`: every PID of the rows, where paths are looked up at once. */
function rowExtras(table: Table, others: readonly ExtraName[], ctx: Context, pids: () => number[]): (row: object) => object {
  if (others.length === 0) return (row) => row;
  const adapters = others.includes('interfaceAlias') ? ctx.adapters() : undefined;
  const aliases = new Map((adapters ?? []).map((a) => [a.interfaceLuid, a.alias]));
  const interfaces = others.includes('interfaceMetric') ? ctx.interfaces() : undefined;
  const metrics = new Map((interfaces ?? []).map((i) => [`${i.family}/${i.interfaceIndex}`, i.metric]));
  let path: ((pid: number) => string | null) | undefined;
  if (others.includes('processName')) {
    if (ctx.processPath) path = ctx.processPath;
    else {
      const paths = ctx.processPaths(pids());
      path = (pid) => paths.get(pid) ?? null;
    }
  }
  return (row) => {
    const r = row as Record<string, unknown>;
    const extra: Record<string, unknown> = {};
    for (const e of others) {
      if (e === 'interfaceAlias') extra.interfaceAlias = aliases.get(r.interfaceLuid as bigint) ?? null;
      else if (e === 'interfaceMetric') extra.interfaceMetric = metrics.get(`${table.familyOf(r)}/${String(r.interfaceIndex)}`) ?? null;
      else extra.processName = imageName(path!(r.owningPid as number));
    }
    // Object.assign, not a spread: V8 spreads two objects into one some ten times slower.
    return Object.assign({}, r, extra);
  };
}

/** Adds the view's extras to rows, from the context. */
function joiner(table: Table, extras: readonly ExtraName[]): (rows: Record<string, unknown>[], ctx: Context) => object[] {
  return (rows, ctx) => {
    let out: object[] = rows;
    if (extras.includes('adapter')) out = ctx.joinAdapters(rows as unknown as IpInterfaceRow[]);
    const others = extras.filter((e) => e !== 'adapter');
    if (others.length === 0) return out;
    return out.map(rowExtras(table, others, ctx, () => [...new Set(out.map((r) => (r as { owningPid: number }).owningPid))]));
  };
}

/** A capture's table read row by row (each of its structs', IPv4's first), kept by the view's family and filters, with its extras. */
function streamedSource(table: Table, extras: readonly ExtraName[], capture: Capture, streams: ReadonlyMap<string, RowStream>, options: ViewOptions): RowSource<object> {
  const parts = table.structs.map((s) => streams.get(s.name)).filter((p): p is RowStream => p !== undefined);
  if (parts.length === 0) throw new UsageError(`This capture holds no ${table.decl.title} table (it was saved by an older ipinterface, or on a system without it); save a new one with --save`);
  const keep = keeps(options);
  const one = rowExtras(table, extras, captureContext(capture), () => []);
  const starts = parts.map((_, i) => parts.slice(0, i).reduce((n, p) => n + p.count, 0));
  return {
    count: parts.reduce((n, p) => n + p.count, 0),
    row: (index) => {
      let k = parts.length - 1;
      while (starts[k]! > index) k--;
      const row = parts[k]!.row(index - starts[k]!);
      if (options.family !== 'all' && table.familyOf(row) !== options.family) return null;
      if (keep && !keep(row)) return null;
      return one(row);
    },
  };
}

/** The rows of a table in a capture (each of its structs', IPv4's first); a capture without that table says so. */
function capturedRows(capture: Capture, table: Table): Record<string, unknown>[] {
  const parts = table.structs.map((s) => capture.tables[s.name]?.rows).filter((rows): rows is Record<string, unknown>[] => Boolean(rows));
  if (parts.length === 0) throw new UsageError(`This capture holds no ${table.decl.title} table (it was saved by an older ipinterface, or on a system without it); save a new one with --save`);
  return parts.length === 1 ? parts[0]! : parts.flat();
}

/** A table's view, derived from its declaration. */
function tableView(table: Table): AnyView {
  const decl = table.decl.view as ViewDecl<Record<string, unknown>>;
  const extras = decl.extras ?? [];
  // Every struct's keys, in order (a table with one struct per family: IPv4's, then what IPv6's adds).
  const keys = [...new Set(table.structs.flatMap((s) => s.keys))];
  const join = joiner(table, extras);
  const hasFamily = table.decl.family !== undefined;
  const inFamily = (options: ViewOptions) => (r: Record<string, unknown>) => options.family === 'all' || table.familyOf(r) === options.family;
  return {
    name: decl.command,
    help: decl.help,
    cmdlet: decl.cmdlet,
    accepts: { family: hasFamily, watch: table.decl.notify !== undefined, positionals: 0, ...(decl.filters ? { filters: decl.filters } : {}) },
    columns: decl.columns as readonly Column<object>[],
    jsonFields: [...keys, ...extras.flatMap((e) => extraKeys(e).json)],
    fields: [...keys, ...extras.flatMap((e) => extraKeys(e).fields)],
    sortKey: (r) => decl.sort(r, table.familyOf(r)),
    alarm: new Set(decl.alarm ?? []),
    live: (options) => join(filtered(hasFamily ? table.get(options.family) : table.get(), options), liveContext(options.family)),
    fromCapture: (capture, options) => join(filtered(capturedRows(capture, table).filter(inFamily(options)), options), captureContext(capture)),
    // The interfaces view joins every row with its adapter at once: read whole (its table is small).
    ...(extras.includes('adapter')
      ? {}
      : { streamed: { structs: table.structs.map((s) => s.name), source: (capture, streams, options) => streamedSource(table, extras, capture, streams, options) } }),
    table,
  };
}

type RouteTo = BestRoute & { interfaceAlias: string | null };

function integer(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`Expected \`--${name}\` to be a whole number, got \`${value}\``);
  return Number(value);
}

/** route-to's --source and --interface as getBestRoute's options. */
export function routeToOptions(options: Pick<ViewOptions, 'source' | 'interface'>): BestRouteOptions {
  return {
    ...(options.source === undefined ? {} : { sourceAddress: options.source }),
    ...(options.interface === undefined ? {} : { interfaceIndex: integer('interface', options.interface) }),
  };
}

const ROUTE_TO_FIELDS = ['destination', 'family', 'interfaceIndex', 'interfaceLuid', 'interfaceAlias', 'nextHop', 'sourceAddress', 'routeMetric', 'interfaceMetric', 'effectiveMetric', 'method', 'route'];

/** Find-NetRoute: the route (and source address) the system would use for one destination. */
const ROUTE_TO: View<RouteTo> = {
  name: 'route-to',
  help: 'the route, interface and source address the system would use for ADDRESS; with --from, computed from the captured tables by Windows\' rule',
  cmdlet: 'Find-NetRoute',
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
  jsonFields: ROUTE_TO_FIELDS,
  fields: ROUTE_TO_FIELDS,
  sortKey: () => [],
  alarm: new Set(),
  live: (options) => {
    const best = getBestRoute(options.positionals[0]!, routeToOptions(options));
    const aliases = new Map((liveContext('all').adapters() ?? []).map((a) => [a.interfaceLuid, a.alias]));
    return [{ ...best, interfaceAlias: aliases.get(best.interfaceLuid) ?? null }];
  },
  fromCapture: (capture, options) => {
    const best = chooseFromRows(
      checkBestRouteArgs(options.positionals[0]!, routeToOptions(options)),
      {
        routes: capturedRows(capture, ROUTES) as unknown as IpForwardRow2[],
        interfaces: capture.rows,
        addresses: capture.tables[UNICAST_ADDRESSES.struct.name]?.rows as UnicastIpAddressRow[] | undefined,
      },
      'chooseRoute',
    );
    const aliases = new Map((capture.adapters ?? []).map((a) => [a.interfaceLuid, a.alias]));
    return [{ ...best, interfaceAlias: aliases.get(best.interfaceLuid) ?? null }];
  },
};

const PORT_FIELDS = ['protocol', 'family', 'localAddress', 'localPort', 'state', 'owningPid', 'processPath', 'processName'];

/** The owners of a port from a capture's TCP and UDP tables: listeners and endpoints bound to it, with the process paths the capture recorded. */
function capturedPortOwners(capture: Capture, options: ViewOptions, port: number): PortOwner[] {
  const ctx = captureContext(capture);
  const owners: Omit<PortOwner, 'processPath' | 'processName'>[] = [];
  for (const r of capturedRows(capture, TCP_CONNECTIONS) as unknown as TcpRow[]) {
    if (r.state === 'listen' && r.localPort === port) owners.push({ protocol: 'tcp', family: r.family, localAddress: r.localAddress, localPort: r.localPort, state: r.state, owningPid: r.owningPid });
  }
  for (const r of capturedRows(capture, UDP_ENDPOINTS) as unknown as UdpRow[]) {
    if (r.localPort === port) owners.push({ protocol: 'udp', family: r.family, localAddress: r.localAddress, localPort: r.localPort, owningPid: r.owningPid });
  }
  const paths = ctx.processPaths([...new Set(owners.map((o) => o.owningPid))]);
  return owners
    .filter((o) => options.family === 'all' || o.family === options.family)
    .map((o) => Object.assign(o, { processPath: paths.get(o.owningPid) ?? null, processName: imageName(paths.get(o.owningPid) ?? null) }));
}

function portArg(options: ViewOptions): number {
  const text = options.positionals[0]!;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 0xffff) throw new UsageError(`Expected a port number (0 to 65535) after \`port\`, got \`${text}\``);
  return Number(text);
}

/** Who holds a port: every TCP listener and UDP endpoint bound to it, with its process (find-process, pid-port). */
const PORT: View<PortOwner> = {
  name: 'port',
  help: 'who holds PORT: every TCP listener and UDP endpoint bound to it, with its process; exit 1 when nobody does',
  cmdlet: 'netstat -ano | findstr :PORT',
  accepts: { family: true, watch: false, positionals: 1 },
  columns: [
    { field: 'protocol', header: 'Protocol', cell: (r) => r.protocol.toUpperCase() },
    { field: 'localAddress', header: 'LocalAddress', cell: (r) => r.localAddress },
    { field: 'localPort', header: 'LocalPort', cell: (r) => String(r.localPort) },
    { field: 'state', header: 'State', cell: (r) => (r.state === undefined ? '' : capital(r.state)) },
    { field: 'owningPid', header: 'OwningProcess', cell: (r) => String(r.owningPid) },
    { field: 'processName', header: 'ProcessName', cell: (r) => r.processName ?? '' },
    { field: 'processPath', header: 'Path', cell: (r) => r.processPath ?? '' },
  ],
  jsonFields: PORT_FIELDS,
  fields: PORT_FIELDS,
  sortKey: (r) => [r.protocol, r.family, addressKey(r.localAddress)],
  alarm: new Set(),
  live: (options) => getPortOwners(portArg(options), { family: options.family }),
  fromCapture: (capture, options) => capturedPortOwners(capture, options, portArg(options)),
  whenEmpty: (options) => `nothing listens on or is bound to port ${options.positionals[0]}${options.family === 'all' ? '' : ` (${options.family})`}`,
};

/** A capture's adapter configuration list; a capture without one says so. */
function capturedAdapterAddresses(capture: Capture): AdapterAddresses[] {
  if (!capture.adapterAddresses) {
    throw new UsageError('This capture holds no adapter configuration (GetAdaptersAddresses) list (it was saved by an older ipinterface); save a new one with --save');
  }
  return capture.adapterAddresses;
}

/** An adapter with only the addresses of `family` (what GetAdaptersAddresses returns when asked for one family). */
function adapterOfFamily(a: AdapterAddresses, family: 'ipv4' | 'ipv6' | 'all'): AdapterAddresses {
  if (family === 'all') return a;
  const keep = (address: string) => address.includes(':') === (family === 'ipv6');
  return {
    ...a,
    unicastAddresses: a.unicastAddresses.filter((u) => keep(u.address)),
    anycastAddresses: a.anycastAddresses.filter(keep),
    multicastAddresses: a.multicastAddresses.filter(keep),
    dnsServers: a.dnsServers.filter(keep),
    gateways: a.gateways.filter(keep),
    prefixes: a.prefixes.filter((p) => keep(p.address)),
    winsServers: a.winsServers.filter(keep),
  };
}

const CONFIG_FIELDS: readonly string[] = IP_ADAPTER_ADDRESSES_LH.keys;

/** A bit rate as people write it: 1 Gb/s, 866.7 Mb/s. */
function rate(bits: bigint): string {
  if (bits === 0n || bits === 0xffff_ffff_ffff_ffffn) return 'unknown';
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s', 'Tb/s'];
  let value = Number(bits);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

/** One adapter as a block of aligned labels, like `ipconfig /all`: what the command prints for `config` (lines, unescaped). */
export function configBlock(a: AdapterAddresses): string[] {
  const lines: [string, string][] = [];
  // A label with no value (an empty list, no suffix) is left out, as ipconfig leaves out what is not set.
  const add = (label: string, values: readonly string[]) => values.filter((v) => v !== '').forEach((v, i) => lines.push([i === 0 ? label : '', v]));
  const scoped = (address: string, scopeId: number) => (scopeId !== 0 ? `${address}%${scopeId}` : address);
  add('Description', [a.description]);
  add('Physical address', [a.physicalAddress === '' ? '(none)' : a.physicalAddress]);
  add('Status', [a.operStatus]);
  add('Interface index', [`IPv4 ${a.ifIndex || '-'}, IPv6 ${a.ipv6IfIndex || '-'}`]);
  add('Type, MTU', [`ifType ${a.ifType}, MTU ${a.mtu}`]);
  add('DHCP', [a.flags.dhcpEnabled ? `enabled${a.dhcpv4Server ? `, server ${a.dhcpv4Server}` : ''}` : 'disabled']);
  add(
    'Addresses',
    a.unicastAddresses.map((u) => `${scoped(u.address, u.scopeId)}/${u.prefixLength} (${u.prefixOrigin}, ${u.dadState})`),
  );
  add('Default gateways', a.gateways);
  add('DNS servers', a.dnsServers);
  add('DNS suffix', [a.dnsSuffix]);
  add('Search suffixes', [a.dnsSuffixes.join(', ')]);
  add('Metric', [`IPv4 ${a.ipv4Metric}, IPv6 ${a.ipv6Metric}`]);
  add('Link speed', [a.transmitLinkSpeed === a.receiveLinkSpeed ? rate(a.transmitLinkSpeed) : `${rate(a.transmitLinkSpeed)} out, ${rate(a.receiveLinkSpeed)} in`]);
  add('Adapter name', [a.adapterName]);
  const width = Math.max(...lines.map(([label]) => label.length));
  return [`${a.friendlyName || a.adapterName}:`, ...lines.map(([label, value]) => `   ${label.padEnd(width)}  ${value}`.trimEnd())];
}

/** `ipconfig /all`: every adapter's configuration, one block each. */
const CONFIG: View<AdapterAddresses> = {
  name: 'config',
  help: 'every adapter\'s configuration: addresses with prefix lengths, gateways, DNS servers and suffixes, DHCP, metrics (one block each)',
  cmdlet: 'ipconfig /all',
  accepts: { family: true, watch: false, positionals: 0 },
  columns: [
    { field: 'ifIndex', header: 'ifIndex', cell: (r) => String(r.ifIndex || r.ipv6IfIndex) },
    { field: 'friendlyName', header: 'InterfaceAlias', cell: (r) => r.friendlyName },
    { field: 'operStatus', header: 'Status', cell: (r) => capital(r.operStatus) },
    { field: 'unicastAddresses', header: 'IPAddress', cell: (r) => r.unicastAddresses.map((u) => `${u.address}/${u.prefixLength}`).join(', ') },
    { field: 'gateways', header: 'DefaultGateway', cell: (r) => r.gateways.join(', ') },
    { field: 'dnsServers', header: 'DNSServer', cell: (r) => r.dnsServers.join(', ') },
  ],
  jsonFields: CONFIG_FIELDS,
  fields: CONFIG_FIELDS,
  sortKey: () => [], // Windows' order, as ipconfig prints it
  alarm: new Set(),
  live: (options) => getAdaptersAddresses(options.family),
  fromCapture: (capture, options) => capturedAdapterAddresses(capture).map((a) => adapterOfFamily(a, options.family)),
  blocks: (rows) => rows.flatMap((row, i) => [...(i === 0 ? [] : ['']), ...configBlock(row)]),
};

const DNS_FIELDS = ['interfaceAlias', 'interfaceIndex', 'addressFamily', 'serverAddresses', 'suffix', 'metric'];
type DnsRow = { interfaceAlias: string; interfaceIndex: number; addressFamily: 'ipv4' | 'ipv6'; serverAddresses: string[]; suffix: string; metric: number; order: number };

/** getDnsServers' entries as Get-DnsClientServerAddress names its columns, numbered in the order Windows asks them. */
function dnsRows(entries: readonly DnsServerEntry[]): DnsRow[] {
  return entries.map((e, order) => ({ interfaceAlias: e.alias, interfaceIndex: e.interfaceIndex, addressFamily: e.family, serverAddresses: e.servers, suffix: e.suffix, metric: e.metric, order }));
}

/** Get-DnsClientServerAddress: each adapter's DNS servers per family, in the order Windows asks them. */
const DNS: View<DnsRow> = {
  name: 'dns',
  help: 'the DNS servers of each adapter that is up, per family, in the order Windows asks them (lowest interface metric first)',
  cmdlet: 'Get-DnsClientServerAddress',
  accepts: { family: true, watch: false, positionals: 0 },
  columns: [
    { field: 'interfaceAlias', header: 'InterfaceAlias', cell: (r) => r.interfaceAlias },
    { field: 'interfaceIndex', header: 'Interface Index', cell: (r) => String(r.interfaceIndex) },
    { field: 'addressFamily', header: 'Address Family', cell: (r) => familyText(r.addressFamily) },
    { field: 'serverAddresses', header: 'ServerAddresses', cell: (r) => `{${r.serverAddresses.join(', ')}}` },
  ],
  jsonFields: DNS_FIELDS,
  fields: DNS_FIELDS,
  sortKey: (r) => [r.order],
  alarm: new Set(),
  live: (options) => dnsRows(getDnsServers(options.family)),
  fromCapture: (capture, options) => dnsRows(dnsServersOf(capturedAdapterAddresses(capture), options.family)),
};

/** Every view by its command, tables first in registry order, then route-to, port, config and dns. */
export const VIEWS: ReadonlyMap<string, AnyView> = new Map(
  [...TABLES.filter((t) => t.decl.view).map(tableView), ROUTE_TO, PORT, CONFIG, DNS].map((v) => [v.name, v] as const),
);

/** The view a bare `ipinterface` shows. */
export const DEFAULT_VIEW: AnyView = VIEWS.get('interfaces')!;
