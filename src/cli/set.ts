/**
 * `ipinterface set INDEX|ALIAS --family ipv4|ipv6 [settings]`: Set-NetIPInterface
 * for Node. Every value is checked on any OS before anything platform-specific
 * (exit 2 names it); the row is printed before and after the change.
 */
import { ADAPTER_FIELD_KEYS, getIpInterfaces, type IpInterface } from '../interfaces.js';
import { checkChanges, setIpInterface, type IpInterfaceChanges } from '../set.js';
import type { IpInterfaceRow } from '../tables/ip-interfaces.js';
import { badUsage, bigintsAsStrings, jsonText, printable, renderTable, systemError, useColor, type Io } from './render.js';
import { commandArgs, DEFAULT_VIEW, UsageError } from './views.js';

/** The settings `set` takes, as Set-NetIPInterface names them: option → the row member it changes, and how its value is read. */
const SETTINGS: readonly (readonly [option: string, member: string, read: 'count' | 'switch' | 'text' | 'metric'])[] = [
  ['metric', 'metric', 'metric'],
  ['mtu', 'nlMtu', 'count'],
  ['forwarding', 'forwardingEnabled', 'switch'],
  ['advertising', 'advertisingEnabled', 'switch'],
  ['weak-host-send', 'weakHostSend', 'switch'],
  ['weak-host-receive', 'weakHostReceive', 'switch'],
  ['router-discovery', 'routerDiscoveryBehavior', 'text'],
  ['dad-transmits', 'dadTransmits', 'count'],
  ['ignore-default-routes', 'disableDefaultRoutes', 'switch'],
];

function onOff(name: string, value: string): boolean {
  if (value === 'enabled' || value === 'true' || value === 'on') return true;
  if (value === 'disabled' || value === 'false' || value === 'off') return false;
  throw new UsageError(`Expected \`--${name}\` to be enabled or disabled, got \`${value}\``);
}

function count(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`Expected \`--${name}\` to be a whole number, got \`${value}\``);
  return Number(value);
}

function parseSet(argv: readonly string[]) {
  const parsed = commandArgs(argv, {
    family: { type: 'string' },
    ...Object.fromEntries(SETTINGS.map(([option]) => [option, { type: 'string' as const }])),
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return { help: true as const };
  if (parsed.positionals.length !== 1) throw new UsageError('`set` takes one interface: its index or its alias');
  if (v.family !== 'ipv4' && v.family !== 'ipv6') throw new UsageError(`\`set\` needs \`--family ipv4\` or \`--family ipv6\`${v.family === undefined ? '' : `, got \`${String(v.family)}\``}`);
  const family: 'ipv4' | 'ipv6' = v.family;
  const changes: Record<string, unknown> = {};
  for (const [option, member, read] of SETTINGS) {
    const value = v[option];
    if (typeof value !== 'string') continue;
    changes[member] = read === 'count' ? count(option, value) : read === 'switch' ? onOff(option, value) : read === 'metric' ? (value === 'automatic' ? 'automatic' : count(option, value)) : value;
  }
  if (Object.keys(changes).length === 0) throw new UsageError('`set` needs at least one setting, e.g. --metric 5');
  return { target: parsed.positionals[0]!, family, changes: changes as IpInterfaceChanges, json: v.json === true };
}

/** Runs `ipinterface set …`; returns the exit code. */
export async function runSet(argv: readonly string[], io: Io, help: string): Promise<number> {
  let parsed: ReturnType<typeof parseSet>;
  try {
    parsed = parseSet(argv);
    if ('help' in parsed) {
      io.stdout.write(help);
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
        io.stderr.write(`ipinterface: no ${options.family === 'ipv4' ? 'IPv4' : 'IPv6'} interface has the alias \`${printable(options.target)}\`\n`);
        return 1;
      }
      index = match.interfaceIndex;
    }
    let result;
    try {
      result = setIpInterface({ family: options.family, index }, options.changes);
    } catch (error) {
      if (error instanceof TypeError) return badUsage(io, error);
      throw error;
    }
    const named = names.get(index);
    const joined = Object.fromEntries(ADAPTER_FIELD_KEYS.map((k) => [k, named?.[k] ?? null]));
    const withNames = (row: IpInterfaceRow): IpInterface => Object.assign({}, row, joined) as unknown as IpInterface;
    if (options.json) {
      io.stdout.write(`${jsonText({ before: withNames(result.before), after: withNames(result.after) }, bigintsAsStrings, 2)}\n`);
      return 0;
    }
    const color = useColor(io);
    io.stdout.write(`Before:\n${renderTable([withNames(result.before)], undefined, color, DEFAULT_VIEW)}\nAfter:\n${renderTable([withNames(result.after)], undefined, color, DEFAULT_VIEW)}`);
    const changed = (Object.keys(result.after) as (keyof IpInterfaceRow)[]).filter(
      (k) => JSON.stringify(result.before[k], bigintsAsStrings) !== JSON.stringify(result.after[k], bigintsAsStrings),
    );
    io.stdout.write(
      printable(
        `\nChanged: ${changed.length === 0 ? 'nothing' : changed.map((k) => `${k} ${JSON.stringify(result.before[k], bigintsAsStrings)} → ${JSON.stringify(result.after[k], bigintsAsStrings)}`).join(', ')}`,
      ) + '\n',
    );
    return 0;
  } catch (error) {
    return systemError(io, error);
  }
}
