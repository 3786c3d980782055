/**
 * The real-system tier: Windows Node under Wine's *own* iphlpapi.dll, inside a
 * private Linux network namespace that scripts/netns-run.sh builds, compared
 * with the kernel's own view of that namespace (ip -j, /sys/class/net, /proc/net/dev).
 *
 * Needs root (unshare --net). Without it — or without the tools — the block
 * skips loudly; with IPINTERFACE_REQUIRE_WINE=1 it fails instead, like support.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { root } from '../helpers.js';
import { describeWithTools, missingTools, requireWine, tierTitle, wineTools } from './support.js';
import { programsDir, WINE, WINE_ARCH, winDir } from './windows-node.js';

export const netnsTools: readonly string[] = [...wineTools, 'unshare', 'ip', 'ss'];
export const netnsScript = join(root, 'scripts', 'netns-run.sh');
/** The namespace tier's own Wine prefix, one per architecture (never shared with the other Wine tests: see the script). */
export const netnsPrefix = process.env.IPINTERFACE_NETNS_WINEPREFIX ?? join(root, '.cache', `wine-prefix-netns-${WINE_ARCH}`);

/** Why no private network namespace can be made here, or null when one can. */
export function netnsUnavailable(): string | null {
  const uid = process.getuid?.();
  if (uid !== 0) return `not running as root (uid ${uid ?? 'unknown'}): unshare --net needs root`;
  try {
    execFileSync('unshare', ['--net', '--mount', 'true'], { stdio: 'pipe', timeout: 10_000 });
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '').trim();
    return `\`unshare --net --mount true\` failed: ${stderr || (e as Error).message}`;
  }
  return null;
}

/** `describe` for a block that runs in a private network namespace: runs, skips loudly, or fails when CI requires it. */
export function describeInNetns(name: string, body: () => void): void {
  const why = missingTools(netnsTools).length > 0 ? null : netnsUnavailable();
  if (why === null) {
    describeWithTools(name, netnsTools, body); // also handles missing tools
    return;
  }
  const title = tierTitle(name);
  if (requireWine) {
    describe(title, () => {
      it('can make a private network namespace (IPINTERFACE_REQUIRE_WINE=1)', () => {
        throw new Error(`${title}: ${why}; IPINTERFACE_REQUIRE_WINE=1 turns this skip into a failure`);
      });
    });
    return;
  }
  console.warn(`\n*** SKIPPED (real-system tier) ${title}: ${why}. A skipped test is not a passed one. ***\n`);
  describe.skip(title, body);
}

/** One /sys/class/net/NAME: attribute → content (trimmed); an unreadable one is in `errors`. */
export interface SysNet {
  readonly attrs: Readonly<Record<string, string>>;
  readonly errors: Readonly<Record<string, string>>;
}

/** /proc/net/dev, one interface. */
export interface DevCounters {
  rx: { bytes: bigint; packets: bigint; errs: bigint; drop: bigint; fifo: bigint; frame: bigint; compressed: bigint; multicast: bigint };
  tx: { bytes: bigint; packets: bigint; errs: bigint; drop: bigint; fifo: bigint; colls: bigint; carrier: bigint; compressed: bigint };
}

/** `ip -j link show` entry (the members used here). */
export interface IpLink {
  ifindex: number;
  ifname: string;
  flags: string[];
  mtu: number;
  operstate: string;
  link_type: string;
  address?: string;
  [key: string]: unknown;
}

/** The kernel's view of the namespace at one moment (scripts/netns-run.sh capture_kernel). */
export interface KernelView {
  readonly link: IpLink[];
  readonly sys: Readonly<Record<string, SysNet>>;
  readonly dev: Readonly<Record<string, DevCounters>>;
  /** Every `captures` entry of the script, parsed: NAME.json → value. */
  readonly json: Readonly<Record<string, unknown>>;
  /** Every `route_gets` entry of the script: `ip -j route get` parsed, or ip's message when the kernel has no route. */
  readonly routeGet: Readonly<Record<string, { readonly ok: IpRouteGet } | { readonly error: string }>>;
  /** `ss -Htan` and `ss -Huan` parsed: the kernel's sockets. */
  readonly ss: { readonly tcp: readonly SsSocket[]; readonly udp: readonly SsSocket[] };
}

/** One socket as `ss -Hn` prints it: its state, and each end's address (IPv6 without brackets, a zone as %name) and port. */
export interface SsSocket {
  readonly state: string;
  readonly local: { readonly address: string; readonly port: number };
  readonly peer: { readonly address: string; readonly port: number };
}

/** `ss -Htan` / `ss -Huan` output: State Recv-Q Send-Q Local:Port Peer:Port. */
export function parseSs(text: string): SsSocket[] {
  const end = (value: string) => {
    const colon = value.lastIndexOf(':');
    const port = value.slice(colon + 1);
    const address = value.slice(0, colon).replace(/^\[|\]$/g, '');
    return { address: address === '*' ? '*' : address, port: port === '*' ? 0 : Number(port) };
  };
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [state, , , local, peer] = line.trim().split(/\s+/);
      return { state: state!, local: end(local!), peer: end(peer!) };
    });
}

/** `ip -j route get DST` (its one entry; the members used here). */
export interface IpRouteGet {
  type?: string;
  dst: string;
  gateway?: string;
  dev: string;
  prefsrc?: string;
  flags?: string[];
  [key: string]: unknown;
}

export function parseProcNetDev(text: string): Record<string, DevCounters> {
  const out: Record<string, DevCounters> = {};
  for (const line of text.split('\n').slice(2)) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2]!.trim().split(/\s+/).map((s) => BigInt(s));
    if (v.length !== 16) throw new Error(`/proc/net/dev: unexpected line ${JSON.stringify(line)}`);
    out[m[1]!] = {
      rx: { bytes: v[0]!, packets: v[1]!, errs: v[2]!, drop: v[3]!, fifo: v[4]!, frame: v[5]!, compressed: v[6]!, multicast: v[7]! },
      tx: { bytes: v[8]!, packets: v[9]!, errs: v[10]!, drop: v[11]!, fifo: v[12]!, colls: v[13]!, carrier: v[14]!, compressed: v[15]! },
    };
  }
  return out;
}

export function readKernelView(dir: string): KernelView {
  const json: Record<string, unknown> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    json[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  const sys: Record<string, SysNet> = {};
  for (const name of readdirSync(join(dir, 'sys'))) {
    const attrs: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const file of readdirSync(join(dir, 'sys', name))) {
      const text = readFileSync(join(dir, 'sys', name, file), 'utf8').trim();
      if (file.endsWith('.error')) errors[file.slice(0, -'.error'.length)] = text;
      else attrs[file] = text;
    }
    sys[name] = { attrs, errors };
  }
  const routeGet: Record<string, { ok: IpRouteGet } | { error: string }> = {};
  const routeGetDir = join(dir, 'route-get');
  for (const file of existsSync(routeGetDir) ? readdirSync(routeGetDir) : []) {
    const text = readFileSync(join(routeGetDir, file), 'utf8');
    if (file.endsWith('.json')) {
      const entries = JSON.parse(text) as IpRouteGet[];
      if (entries.length !== 1) throw new Error(`route-get/${file}: expected one entry, got ${entries.length}`);
      routeGet[file.slice(0, -'.json'.length)] = { ok: entries[0]! };
    } else if (file.endsWith('.error')) {
      routeGet[file.slice(0, -'.error'.length)] = { error: text.trim() };
    }
  }
  const ss = (file: string) => (existsSync(join(dir, file)) ? parseSs(readFileSync(join(dir, file), 'utf8')) : []);
  return {
    link: json.link as IpLink[],
    sys,
    dev: parseProcNetDev(readFileSync(join(dir, 'proc-net-dev.txt'), 'utf8')),
    json,
    routeGet,
    ss: { tcp: ss('ss-tcp.txt'), udp: ss('ss-udp.txt') },
  };
}

export interface NetnsRun<T> {
  readonly outDir: string;
  readonly report: T;
  /** node.exe's exit code (124: killed by the script's timeout). */
  readonly nodeExitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly before: KernelView;
  readonly after: KernelView;
  /** Milliseconds since the script's start at the end of each phase (setup, prefix, before, node, after). */
  readonly phases: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** Stops every Wine process of the namespace prefix (the server is reachable from outside through its socket). */
function killPrefix(): void {
  for (const args of [['-k'], ['-w']]) {
    try {
      execFileSync('wineserver', args, { env: { ...process.env, WINEPREFIX: netnsPrefix }, stdio: 'ignore', timeout: 20_000 });
    } catch {
      // no server: nothing to stop
    }
  }
}

/**
 * Runs `program` (test/wine/programs) with scripts/netns-run.sh: a fresh namespace,
 * its network built, the kernel's view captured before and after, the program's
 * report read. A run that outlives `timeoutMs` is killed (process group, then the
 * prefix's Wine processes) and fails.
 */
export async function runInNetns<T>(
  program: string,
  options: { args?: readonly string[]; timeoutMs?: number; helper?: readonly string[] } = {},
): Promise<NetnsRun<T>> {
  const outDir = mkdtempSync(join(tmpdir(), 'ipinterface-netns-'));
  const log = openSync(join(outDir, 'script.log'), 'w');
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 90_000;
  // Own process group (detached), so a timeout can end the whole run; files, not pipes.
  const child = spawn('bash', [netnsScript, outDir, join(programsDir, program), ...(options.args ?? [])], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      IPINTERFACE_NETNS_WINEPREFIX: netnsPrefix,
      IPINTERFACE_NETNS_NODE: join(winDir, 'node', 'node.exe'),
      IPINTERFACE_NETNS_WINE: WINE,
      ...(options.helper ? { IPINTERFACE_NETNS_HELPER: options.helper.join(' ') } : {}),
    },
  });
  let timedOut = false;
  let hardKill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    hardKill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
  }, timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(timer);
  clearTimeout(hardKill);
  closeSync(log);
  const read = (file: string) => (existsSync(join(outDir, file)) ? readFileSync(join(outDir, file), 'utf8') : '');
  const context = () =>
    `\nscript log:\n${read('script.log')}\nnode.exe stdout:\n${read('node.stdout')}\nnode.exe stderr:\n${read('node.stderr')}\n(files in ${outDir})`;
  if (timedOut) {
    killPrefix();
    throw new Error(`${program} in the network namespace did not finish within ${timeoutMs} ms (killed)${context()}`);
  }
  if (exitCode !== 0) throw new Error(`scripts/netns-run.sh failed (exit code ${exitCode})${context()}`);
  if (!existsSync(join(outDir, 'report.json'))) {
    throw new Error(`${program} wrote no report (node.exe exit code ${read('node.rc').trim()})${context()}`);
  }
  const phases = Object.fromEntries(
    read('timing.txt')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [phase, ms] = line.split(' ');
        return [phase!, Number(ms)];
      }),
  );
  return {
    outDir,
    report: JSON.parse(read('report.json')) as T,
    nodeExitCode: Number(read('node.rc').trim()),
    stdout: read('node.stdout'),
    stderr: read('node.stderr'),
    before: readKernelView(join(outDir, 'kernel-before')),
    after: readKernelView(join(outDir, 'kernel-after')),
    phases,
    ms: Date.now() - started,
  };
}
