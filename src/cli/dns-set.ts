/**
 * `ipinterface dns show --interface INDEX` and `ipinterface dns set --interface INDEX [SERVER…]
 * [--search NAME,…] [--domain NAME] [--dry-run]`: Set-DnsClientServerAddress for Node, through
 * getInterfaceDnsSettings and setInterfaceDnsSettings. The servers given are split by family (one
 * Set per stack that gets any); every value is checked on any OS before anything platform-specific
 * (exit 2 names it); --dry-run prints what each Set would write and exits 0.
 */
import { checkDnsChanges, getInterfaceDnsSettings, setInterfaceDnsSettings, type InterfaceDnsChanges } from '../dns-settings.js';
import { badUsage, bigintsAsStrings, jsonText, printable, systemError, type Io } from './render.js';
import { commandArgs, UsageError } from './views.js';

function parseDns(argv: readonly string[]) {
  const parsed = commandArgs(argv, {
    interface: { type: 'string' },
    search: { type: 'string' },
    domain: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) return { help: true as const };
  const [verb, ...servers] = parsed.positionals;
  if (verb !== 'set' && verb !== 'show') throw new UsageError(`\`ipinterface dns set|show --interface INDEX …\`: expected set or show, got \`${printable(String(verb))}\``);
  if (v.interface === undefined || !/^\d{1,10}$/.test(v.interface)) {
    throw new UsageError(`\`dns ${verb}\` needs \`--interface INDEX\` (a whole number)${v.interface === undefined ? '' : `, got \`${printable(v.interface)}\``}`);
  }
  const index = Number(v.interface);
  if (verb === 'show') {
    if (servers.length > 0 || v.search !== undefined || v.domain !== undefined || v['dry-run']) throw new UsageError('`dns show` takes only `--interface INDEX` (and --json)');
    return { verb, index, json: v.json === true, changes: [] as InterfaceDnsChanges[], dryRun: false };
  }
  if (servers.length === 0 && v.search === undefined && v.domain === undefined) throw new UsageError('`dns set` needs servers, `--search` or `--domain`, e.g. ipinterface dns set --interface 12 1.1.1.1 2606:4700:4700::1111');
  // One Set per stack: the IPv4 servers, the IPv6 servers; the search list and suffix go with each.
  const families = new Set<'ipv4' | 'ipv6'>(servers.map((s) => (s.includes(':') ? 'ipv6' : 'ipv4')));
  if (families.size === 0) families.add('ipv4');
  const rest = { ...(v.search === undefined ? {} : { searchList: v.search.split(',').filter((s) => s !== '') }), ...(v.domain === undefined ? {} : { domain: v.domain }) };
  const changes = [...families].map((family) => ({ family, ...(servers.length > 0 ? { nameServers: servers.filter((s) => s.includes(':') === (family === 'ipv6')) } : {}), ...rest }));
  return { verb, index, json: v.json === true, changes, dryRun: v['dry-run'] === true };
}

/** Runs `ipinterface dns set|show …`; returns the exit code. */
export async function runDns(argv: readonly string[], io: Io, help: string): Promise<number> {
  let parsed: ReturnType<typeof parseDns>;
  try {
    parsed = parseDns(argv);
    if ('help' in parsed) {
      io.stdout.write(help);
      return 0;
    }
    for (const change of parsed.changes) checkDnsChanges(change); // on any OS, before anything platform-specific
  } catch (error) {
    return badUsage(io, error);
  }
  const options = parsed;
  if (options.dryRun) {
    const text = options.changes.map((c) => `${printable(`would set on interface ${options.index}: ${jsonText(c)}`)}\n`).join('');
    io.stdout.write(options.json ? `${jsonText({ dryRun: 'set', interface: options.index, settings: options.changes }, undefined, 2)}\n` : text);
    return 0;
  }
  try {
    if (io.platform !== 'win32') {
      io.stderr.write(`ipinterface: DNS settings need Windows (this is ${io.platform}); --dry-run shows what it would set\n`);
      return 1;
    }
    const results = options.verb === 'show'
      ? (['ipv4', 'ipv6'] as const).map((family) => getInterfaceDnsSettings(options.index, family))
      : options.changes.map((change) => setInterfaceDnsSettings(options.index, change));
    if (options.json) {
      io.stdout.write(`${jsonText(results, bigintsAsStrings, 2)}\n`);
      return 0;
    }
    const line = (s: { family: string; nameServers: string[]; searchList: string[]; domain: string }) =>
      `${s.family === 'ipv4' ? 'IPv4' : 'IPv6'}: servers {${s.nameServers.join(', ')}} search {${s.searchList.join(', ')}} domain '${s.domain}'`;
    const lines = results.map((r) => ('after' in r ? `${line(r.before)}  →  ${line(r.after)}` : line(r)));
    io.stdout.write(`${lines.map(printable).join('\n')}\n`);
    return 0;
  } catch (error) {
    return systemError(io, error);
  }
}
