#!/usr/bin/env node
/**
 * The `ipinterface` command: the PowerShell networking cmdlets for Node.
 * Options are parsed by Node's own util.parseArgs. The views come from the
 * table declarations (./views.ts), rows are written by ./render.ts, and
 * `set` is ./set.ts; this file reads the arguments, runs one view (from this
 * system, a capture, or as a change feed) and turns failures into exit codes.
 */
import { writeFileSync } from 'node:fs';
import { escapeInvisible } from '../errors.js';
import { readCaptureFile } from '../capture/file.js';
import { captureTables, decodeCapture, openCapture } from '../capture/tables.js';
import type { FamilyOption } from '../family.js';
import { getIpInterfaces } from '../interfaces.js';
import { MIB_TCP_STATE } from '../structs/mib-tcprow-owner-pid.js';
import { feedOf } from '../watch/feeds.js';
import { familyText } from '../view/format.js';
import { badUsage, bigintsAsStrings, jsonText, pick, print, printable, systemError, type Io } from './render.js';
import { runSet } from './set.js';
import { runWrite } from './write.js';
import { runDns } from './dns-set.js';
import { commandArgs, DEFAULT_VIEW, routeToOptions, UsageError, VIEWS, type AnyView } from './views.js';
import { checkBestRouteArgs } from '../route-choice.js';

const tableViews = [...VIEWS.values()].filter((v) => v.table);
const list = (names: readonly string[]) => names.join(', ');
const watchable = tableViews.filter((v) => v.accepts.watch).map((v) => v.name);
const withFamily = [...VIEWS.values()].filter((v) => v.accepts.family).map((v) => v.name);

/** The help, written from the views: each view as the cmdlet it replaces. */
const HELP = `Usage: ipinterface [${DEFAULT_VIEW.name}] [options]
       ipinterface ${[...VIEWS.values()]
         .filter((v) => v !== DEFAULT_VIEW && v.accepts.positionals === 0)
         .map((v) => v.name)
         .join('|')} [options]
       ipinterface route-to ADDRESS [--source ADDRESS] [--interface INDEX] [options]
       ipinterface port PORT [--family ipv4|ipv6] [options]
       ipinterface set INDEX|ALIAS --family ipv4|ipv6 [settings]
       ipinterface route add|delete PREFIX [--via ADDRESS] --interface INDEX [--metric N] [--dry-run]
       ipinterface address add|delete ADDRESS/LENGTH --interface INDEX [--dry-run]
       ipinterface dns set|show --interface INDEX [SERVER...] [--search NAME,...] [--domain NAME] [--dry-run]

Views (each like the PowerShell command it replaces):
${[...VIEWS.values()]
  .map((v) => {
    const text = `${v.help} (${v.cmdlet}${v === DEFAULT_VIEW ? '; the default' : ''})`;
    // Wrapped at 78 columns, continued under the text.
    const words = text.split(' ');
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      if (line && line.length + 1 + word.length > 63) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return `  ${v.name.padEnd(12)} ${lines.join(`\n  ${''.padEnd(12)} `)}`;
  })
  .join('\n')}

Options
  --family ipv4|ipv6|all   Address family (default: all; ${list(withFamily)})
  --json                   Print a JSON array of rows with every field
  --ndjson                 Print one JSON row per line
  --fields a,b,c           Only these fields (table columns or JSON keys)
  --watch                  Print changes as they happen, until Ctrl-C
                           (${list(watchable)})
  --state STATE            connections: only this TCP state (listen, established,
                           timeWait, …)
  --pid PID                connections, udp: only this owning process
  --port PORT              connections, udp: only this local or remote port
  --source ADDRESS         route-to: from this source address (its interface)
  --interface INDEX        route-to: only through this interface
  --save FILE              Save every table (${list(tableViews.map((v) => v.table!.decl.title + 's'))})
                           to one capture file (Windows)
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

\`route add|delete\`, \`address add|delete\` (like route add, netsh add address; elevated)
  --via ADDRESS                   the next hop (left out: on-link)
  --interface INDEX               the interface (required)
  --metric N                      the route metric (add)
  --replace                       add: change the route or address if it exists
  --if-missing ignore             delete: exit 0 when there is no such one
  --dry-run                       print the validated row it would write, exit 0
  --json                          print { before, after } (add) or { deleted }

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
  ipinterface port 3000                (who holds it: the process and its path)
  ipinterface connections --state established --pid 1234
  ipinterface config --family ipv4     (ipconfig /all)
  ipinterface dns --json               (each adapter's DNS servers, in order)
  ipinterface set Wi-Fi --family ipv4 --metric 5
  ipinterface route add 10.0.0.0/8 --via 192.168.1.1 --interface 12 --metric 5
  ipinterface address add 10.0.0.5/24 --interface 12 --dry-run
  ipinterface dns set --interface 12 1.1.1.1 2606:4700:4700::1111 --search corp.example
`;

function parse(argv: readonly string[], view: AnyView) {
  const parsed = commandArgs(argv, {
    family: { type: 'string' },
    source: { type: 'string' },
    interface: { type: 'string' },
    state: { type: 'string' },
    pid: { type: 'string' },
    port: { type: 'string' },
    json: { type: 'boolean' },
    ndjson: { type: 'boolean' },
    fields: { type: 'string' },
    watch: { type: 'boolean' },
    save: { type: 'string' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  const v = parsed.values;
  const positionals = parsed.positionals;
  if (positionals.length > view.accepts.positionals && !v.help && !v.version) {
    throw new UsageError(
      `Unexpected argument '${positionals[view.accepts.positionals]}'${view.accepts.positionals ? '' : `: \`ipinterface${view === DEFAULT_VIEW ? '' : ` ${view.name}`}\` takes no positional arguments`}`,
    );
  }
  if (positionals.length < view.accepts.positionals && !v.help && !v.version) {
    throw new UsageError(view.name === 'port' ? '`ipinterface port` needs a port number, e.g. ipinterface port 3000' : `\`ipinterface ${view.name}\` needs a destination address, e.g. ipinterface ${view.name} 192.0.2.1`);
  }
  if (view.name !== 'route-to' && (v.source !== undefined || v.interface !== undefined)) throw new UsageError('--source and --interface are options of `ipinterface route-to`');
  if (view.name === 'route-to' && positionals[0] !== undefined && !v.help && !v.version) {
    // The destination, --source and --interface, checked as getBestRoute checks them: a bad one is bad usage (exit 2).
    try {
      checkBestRouteArgs(positionals[0], routeToOptions({ source: v.source, interface: v.interface }));
    } catch (error) {
      if (error instanceof TypeError) throw new UsageError(error.message.replace('`destination`', 'the address after `route-to`').replace('`options.sourceAddress`', '`--source`'));
      throw error;
    }
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
    throw new UsageError(
      `${v.watch && !view.accepts.watch ? '--watch' : '--family'} is not an option of \`ipinterface ${view.name}\` (--watch: ${list(watchable)}; --family: ${list(withFamily)})`,
    );
  }
  const filters = view.accepts.filters ?? [];
  for (const filter of ['state', 'pid', 'port'] as const) {
    if (v[filter] !== undefined && !filters.includes(filter)) {
      const where = [...VIEWS.values()].filter((x) => x.accepts.filters?.includes(filter)).map((x) => x.name);
      throw new UsageError(`--${filter} is not an option of \`ipinterface ${view.name}\` (--${filter}: ${list(where)})`);
    }
  }
  if (v.state !== undefined && !Object.keys(MIB_TCP_STATE).some((name) => name.toLowerCase() === v.state!.toLowerCase())) {
    throw new UsageError(`Expected \`--state\` to be a TCP state (${Object.keys(MIB_TCP_STATE).join(', ')}), got \`${v.state}\``);
  }
  const number = (name: 'pid' | 'port', max: number) => {
    const value = v[name];
    if (value === undefined) return undefined;
    if (!/^\d{1,10}$/.test(value) || Number(value) > max) throw new UsageError(`Expected \`--${name}\` to be a whole number from 0 to ${max}, got \`${value}\``);
    return Number(value);
  };
  const pid = number('pid', 0xffff_ffff);
  const port = number('port', 0xffff);
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
  return { ...v, positionals, family: family as FamilyOption & ('ipv4' | 'ipv6' | 'all'), fields, pid, port };
}

type Options = ReturnType<typeof parse>;

function version(): string {
  return (require('../../package.json') as { version: string }).version;
}

/** A change as the feeds deliver it: the key, and the row or why it is missing. */
export type ChangeLike = { type: string; family: 'ipv4' | 'ipv6'; interfaceIndex: number; row?: object; error?: Error };

/**
 * One change as `--watch` prints it: a line of text (time, type, family, interface, the view's
 * columns, why the row is unavailable), every part through the escaping printer; or one JSON
 * object (--json / --ndjson). Exported for the tests.
 */
export function watchEventText(change: ChangeLike, view: AnyView, options: Pick<Options, 'json' | 'ndjson' | 'fields'>, now: Date): string {
  if (options.json || options.ndjson) {
    const { row, error, ...key } = change;
    const event = { ...key, ...(row ? { row: options.fields ? pick(row, options.fields) : row } : {}), ...(error ? { error: { code: (error as { code?: string }).code, message: error.message } } : {}) };
    return `${jsonText(event, bigintsAsStrings)}\n`;
  }
  const line = view.table?.decl.view?.watchLine ?? (() => '');
  return (
    printable(
      `${now.toISOString()} ${change.type} ${familyText(change.family)} ifIndex=${change.interfaceIndex}` +
        line(change as never) +
        (change.error ? ` (row unavailable: ${change.error.message})` : ''),
    ) + '\n'
  );
}

/** Prints a view's change feed until SIGINT or SIGTERM: one line per change, or one JSON object per line. */
function watch(view: AnyView, options: Options, io: Io): Promise<number> {
  const table = view.table!;
  return new Promise((resolve) => {
    const onChange = (change: ChangeLike) => io.stdout.write(watchEventText(change, view, options, new Date()));
    const watcher = feedOf<object, unknown, ChangeLike>(table as never).watch(onChange, { family: options.family });
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

/** Prints a view's rows; a view that may not be empty (port) says so in one line instead, exit 1. */
async function show(rows: unknown[], view: AnyView, options: Options, io: Io): Promise<number> {
  if (rows.length === 0 && view.whenEmpty) {
    io.stderr.write(`ipinterface: ${printable(view.whenEmpty(options))}\n`);
    return 1;
  }
  await print(rows, view, options, io);
  return 0;
}

/** An argument as a shell would take it back: bare when plain, else single-quoted; never a raw control character. */
function shellWord(text: string): string {
  return /^[\w.:%/@+,=-]+$/.test(text) ? text : `'${escapeInvisible(text).replace(/'/g, `'\\''`)}'`;
}

/** Runs the command; returns the exit code. Exported for tests; the bin calls it with the real process. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv[0] === 'set') return runSet(argv.slice(1), io, HELP);
  if (argv[0] === 'route' || argv[0] === 'address') return runWrite(argv[0], argv.slice(1), io, HELP);
  if (argv[0] === 'dns' && (argv[1] === 'set' || argv[1] === 'show')) return runDns(argv.slice(1), io, HELP);
  const named = argv[0] !== undefined && !argv[0].startsWith('-') ? VIEWS.get(argv[0]) : undefined;
  const view: AnyView = named ?? DEFAULT_VIEW;
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
      const file = readCaptureFile(options.from);
      if (view.streamed) {
        // The view's table read row by row as it is printed: a big capture is never decoded whole.
        const { capture, streams } = openCapture(file, view.streamed.structs);
        await print(view.streamed.source(capture, streams, options), view, options, io);
        return 0;
      }
      return await show(view.fromCapture(decodeCapture(file), options), view, options, io);
    }
    if (io.platform !== 'win32') {
      io.stderr.write(
        `ipinterface: reading this system's ${view.name} needs Windows (this is ${io.platform}); to decode tables saved on Windows (ipinterface --save FILE), run: ipinterface${named ? ` ${view.name}` : ''}${options.positionals.map((p) => ` ${shellWord(p)}`).join('')} --from FILE\n`,
      );
      return 1;
    }
    if (options.watch) return await watch(view, options, io);
    if (options.save !== undefined) {
      const interfaces = new Map(getIpInterfaces(options.family).map((r) => [r.interfaceLuid, { ...(r.alias === null ? {} : { alias: r.alias }), ...(r.name === null ? {} : { name: r.name }) }]));
      writeFileSync(options.save, captureTables({ family: options.family, interfaces }));
      io.stderr.write(`Saved ${interfaces.size} interfaces to ${options.save} (with the ${list(tableViews.filter((v) => v !== DEFAULT_VIEW).map((v) => v.table!.decl.title))} tables)\n`);
      return 0;
    }
    return await show(view.live(options), view, options, io);
  } catch (error) {
    // Only the command line is bad usage: every argument is checked in parse(); anything later is about the data or the system.
    if (error instanceof UsageError) return badUsage(io, error);
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
  // Nowhere to report a failure to write stderr itself (its reader went away): the exit code still tells.
  process.stderr.on('error', () => {});
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
