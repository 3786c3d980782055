/**
 * The commands that write: `ipinterface route add|delete PREFIX [--via ADDRESS] --interface INDEX
 * [--metric N] [--replace | --if-missing ignore] [--dry-run]` (route add / route delete, through
 * createRoute and deleteRoute) and `ipinterface address add|delete ADDRESS/LENGTH --interface INDEX
 * [--replace | --if-missing ignore] [--dry-run]` (netsh interface ip add address, through
 * createUnicastAddress and deleteUnicastAddress). Every value is checked on any OS before anything
 * platform-specific (exit 2 names it); --dry-run prints the validated row the write would hand
 * Windows and exits 0.
 */
import { ipText, type ParsedIp } from '../ip.js';
import { createUnicastAddress, deleteUnicastAddress, unicastAddressMembers } from '../address-writes.js';
import { createRoute, deleteRoute, routeMembers } from '../route-writes.js';
import { badUsage, bigintsAsStrings, jsonText, printable, systemError, type Io } from './render.js';
import { commandArgs, UsageError } from './views.js';

/** What each writing command writes: its usage, its example, how a row is checked, written and deleted. */
const KINDS = {
  route: {
    usage: '`ipinterface route add|delete PREFIX [--via ADDRESS] --interface INDEX [--metric N] [--dry-run]`',
    example: '10.0.0.0/8 --via 192.168.1.1 --interface 12',
    what: 'a destination prefix',
    init: 'InitializeIpForwardEntry',
    members: (row: unknown, keyOnly: boolean) => routeMembers(row, keyOnly),
    create: (row: unknown, replace: boolean) => createRoute(row as never, { ifExists: replace ? 'replace' : 'error' }),
    remove: (row: unknown, ignore: boolean) => deleteRoute(row as never, { ifMissing: ignore ? 'ignore' : 'error' }),
  },
  address: {
    usage: '`ipinterface address add|delete ADDRESS/LENGTH --interface INDEX [--dry-run]`',
    example: '10.0.0.5/24 --interface 12',
    what: 'an address with its prefix length',
    init: 'InitializeUnicastIpAddressEntry',
    members: (row: unknown, keyOnly: boolean) => unicastAddressMembers(row, keyOnly),
    create: (row: unknown, replace: boolean) => createUnicastAddress(row as never, { ifExists: replace ? 'replace' : 'error' }),
    remove: (row: unknown, ignore: boolean) => deleteUnicastAddress(row as never, { ifMissing: ignore ? 'ignore' : 'error' }),
  },
} as const;
type Kind = keyof typeof KINDS;

function parseWrite(kind: Kind, argv: readonly string[]) {
  const USAGE = KINDS[kind].usage;
  const parsed = commandArgs(argv, {
    via: { type: 'string' },
    interface: { type: 'string' },
    metric: { type: 'string' },
    replace: { type: 'boolean' },
    'if-missing': { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) return { help: true as const };
  const [verb, prefix, ...extra] = parsed.positionals;
  if (verb !== 'add' && verb !== 'delete') throw new UsageError(`${USAGE}: expected add or delete${verb === undefined ? '' : `, got \`${printable(verb)}\``}`);
  if (prefix === undefined) throw new UsageError(`\`${kind} ${verb}\` needs ${KINDS[kind].what}, e.g. ipinterface ${kind} ${verb} ${KINDS[kind].example}`);
  if (kind === 'address' && (v.via !== undefined || v.metric !== undefined)) throw new UsageError('--via and --metric are options of `route add`');
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${printable(extra[0]!)}': ${USAGE}`);
  if (v.interface === undefined) throw new UsageError(`\`${kind} ${verb}\` needs \`--interface INDEX\``);
  if (!/^\d{1,10}$/.test(v.interface)) throw new UsageError(`Expected \`--interface\` to be an interface index (a whole number), got \`${printable(v.interface)}\``);
  if (v.metric !== undefined && !/^\d{1,10}$/.test(v.metric)) throw new UsageError(`Expected \`--metric\` to be a whole number, got \`${printable(v.metric)}\``);
  if (verb === 'delete' && (v.metric !== undefined || v.replace)) throw new UsageError(`--metric and --replace are options of \`${kind} add\``);
  if (verb === 'add' && v['if-missing'] !== undefined) throw new UsageError(`--if-missing is an option of \`${kind} delete\``);
  if (v['if-missing'] !== undefined && v['if-missing'] !== 'ignore' && v['if-missing'] !== 'error') {
    throw new UsageError(`Expected \`--if-missing\` to be ignore or error, got \`${printable(v['if-missing'])}\``);
  }
  const row =
    kind === 'route'
      ? {
          destinationPrefix: prefix,
          ...(v.via === undefined ? {} : { nextHop: v.via }),
          interfaceIndex: Number(v.interface),
          ...(v.metric === undefined ? {} : { metric: Number(v.metric) }),
        }
      : { address: prefix, interfaceIndex: Number(v.interface) };
  return { verb, row, replace: v.replace === true, ignoreMissing: v['if-missing'] === 'ignore', dryRun: v['dry-run'] === true, json: v.json === true };
}

/** A route row (or the members a dry run would write) as one line of `key value` pairs. */
function line(row: Readonly<Record<string, unknown>>): string {
  return Object.entries(row)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'object' && value !== null ? jsonText(value, bigintsAsStrings) : String(value)}`)
    .join(' ');
}

/** The members as the row would hold them: addresses as text. */
function shown(members: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const text = (ip: unknown) => (typeof ip === 'string' ? ip : ipText(ip as ParsedIp));
  const out: Record<string, unknown> = { ...members };
  const prefix = members.destinationPrefix as { address: unknown; prefixLength: number } | undefined;
  if (prefix) out.destinationPrefix = { address: text(prefix.address), prefixLength: prefix.prefixLength };
  for (const key of ['nextHop', 'address']) if (members[key] !== undefined) out[key] = text(members[key]);
  return out;
}

/** Runs `ipinterface route …` or `ipinterface address …`; returns the exit code. */
export async function runWrite(kind: Kind, argv: readonly string[], io: Io, help: string): Promise<number> {
  let parsed: ReturnType<typeof parseWrite>;
  let members: Readonly<Record<string, unknown>>;
  try {
    parsed = parseWrite(kind, argv);
    if ('help' in parsed) {
      io.stdout.write(help);
      return 0;
    }
    // Every value is checked here, on any OS, before anything platform-specific (exit 2 names it).
    members = KINDS[kind].members(parsed.row, parsed.verb === 'delete');
  } catch (error) {
    return badUsage(io, error);
  }
  const options = parsed;
  if (options.dryRun) {
    const row = shown(members);
    io.stdout.write(options.json ? `${jsonText({ dryRun: options.verb, row }, bigintsAsStrings, 2)}\n` : printable(`would ${options.verb} (after ${KINDS[kind].init}): ${line(row)}`) + '\n');
    return 0;
  }
  try {
    if (io.platform !== 'win32') {
      io.stderr.write(`ipinterface: changing ${kind === 'route' ? 'routes' : 'addresses'} needs Windows (this is ${io.platform}); --dry-run shows the row it would write\n`);
      return 1;
    }
    if (options.verb === 'add') {
      const result = KINDS[kind].create(options.row, options.replace);
      io.stdout.write(options.json ? `${jsonText(result, bigintsAsStrings, 2)}\n` : printable(`${result.before ? 'changed' : 'added'}: ${line((result.after ?? {}) as Readonly<Record<string, unknown>>)}`) + '\n');
      return 0;
    }
    const deleted = KINDS[kind].remove(options.row, options.ignoreMissing) as Readonly<Record<string, unknown>> | null;
    io.stdout.write(options.json ? `${jsonText({ deleted }, bigintsAsStrings, 2)}\n` : printable(deleted ? `deleted: ${line(deleted)}` : `no such ${kind} (nothing deleted)`) + '\n');
    return 0;
  } catch (error) {
    return systemError(io, error);
  }
}
