/**
 * Who holds a port, and closing a connection: what find-process, kill-port and
 * pid-port answer by spawning `netstat -ano`. The owner's image path comes from
 * OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION) + QueryFullProcessImageNameW,
 * its handle closed on every path; closing is SetTcpEntry with
 * MIB_TCP_STATE_DELETE_TCB, as TCPView's "close connection" does.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-queryfullprocessimagenamew
 */
import { netModule } from './builtins.js';
import { describeValue, IpHelperError, readObject, WIN32 } from './errors.js';
import { toAddressFamily, type FamilyOption } from './family.js';
import { call, callAsync, checkStatus, CloseHandle, GetLastError, OpenProcess, QueryFullProcessImageNameW, SetTcpEntry } from './functions.js';
import { assertWindows } from './native.js';
import { runAsync, runSync, step, type Plan } from './plan.js';
import { memberWriter } from './struct/writer.js';
import { MIB_TCPROW } from './structs/mib-tcprow-owner-pid.js';
import { TCP_CONNECTIONS, UDP_ENDPOINTS, type TcpRow, type TcpState } from './tables/connections.js';

/** OpenProcess access right: enough to read the image name, granted for more processes than PROCESS_QUERY_INFORMATION. */
const PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
/** QueryFullProcessImageNameW: the Win32 path format (C:\…), not the native one. */
const WIN32_PATH = 0;
/** The longest path QueryFullProcessImageNameW can write (UNICODE_STRING's limit), in WCHARs. */
const MAX_IMAGE_PATH = 32_768;

/** Checks a process ID argument: an integer in 0…2^32−1. */
function toPid(value: unknown, name = 'pid'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff) return value;
  throw new TypeError(`Expected \`${name}\` to be a process ID (an integer from 0 to 4294967295), got ${describeValue(value)}`);
}

/**
 * The full path of a process's executable image, e.g. 'C:\Program Files\nodejs\node.exe', or null
 * where Windows refuses or the process is gone: protected processes and the System process
 * (PID 4) answer ERROR_ACCESS_DENIED, the System Idle Process (PID 0) and a PID no process has
 * now ERROR_INVALID_PARAMETER. Any other failure is an IpHelperError. The handle is closed on
 * every path.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/winbase/nf-winbase-queryfullprocessimagenamew
 */
export function getProcessImagePath(pid: number): string | null {
  const id = toPid(pid);
  assertWindows('OpenProcess');
  return imagePath(id);
}

function imagePath(pid: number): string | null {
  const handle = call(OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
  if (!handle) {
    const error = call(GetLastError) as number;
    if (error === WIN32.ERROR_ACCESS_DENIED || error === WIN32.ERROR_INVALID_PARAMETER) return null;
    checkStatus('OpenProcess', error === 0 ? WIN32.ERROR_INVALID_PARAMETER : error);
  }
  try {
    const buffer = Buffer.alloc(MAX_IMAGE_PATH * 2);
    const size = new Uint32Array([MAX_IMAGE_PATH]);
    if (!call(QueryFullProcessImageNameW, handle, WIN32_PATH, buffer, size)) {
      const error = call(GetLastError) as number;
      // A process that is exiting, or whose image Windows will not name (ERROR_ACCESS_DENIED, ERROR_GEN_FAILURE 31).
      if (error === WIN32.ERROR_ACCESS_DENIED || error === 31 || error === WIN32.ERROR_INVALID_PARAMETER) return null;
      checkStatus('QueryFullProcessImageNameW', error === 0 ? WIN32.ERROR_INVALID_PARAMETER : error);
    }
    return buffer.toString('utf16le', 0, Math.min(size[0]!, MAX_IMAGE_PATH) * 2);
  } finally {
    call(CloseHandle, handle);
  }
}

/** The file name of a Windows path: 'C:\\Windows\\System32\\svchost.exe' → 'svchost.exe'. */
export function imageName(path: string | null): string | null {
  if (path === null) return null;
  const slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(slash + 1);
}

/** The image path of each distinct PID, asked once each (a PID's path is the same for all its sockets). */
export function imagePaths(pids: Iterable<number>): Map<number, string | null> {
  const paths = new Map<number, string | null>();
  for (const pid of pids) if (!paths.has(pid)) paths.set(pid, imagePath(pid));
  return paths;
}

/** A process that holds a port: the socket, and the process that owns it. */
export interface PortOwner {
  readonly protocol: 'tcp' | 'udp';
  readonly family: 'ipv4' | 'ipv6';
  readonly localAddress: string;
  readonly localPort: number;
  /** The TCP listener's state ('listen'); absent for UDP. */
  readonly state?: TcpState;
  readonly owningPid: number;
  /** getProcessImagePath(owningPid): null where Windows refuses (PID 0, 4, protected processes). */
  readonly processPath: string | null;
  /** The file name of processPath, e.g. 'node.exe'. */
  readonly processName: string | null;
}

/** Options of getPortOwners. */
export interface PortOwnersOptions {
  /** 'tcp', 'udp' or 'both' (default). */
  readonly protocol?: 'tcp' | 'udp' | 'both';
  /** 'ipv4', 'ipv6' or 'all' (default), or an AF_* number. */
  readonly family?: FamilyOption;
}

function checkPortOwnersArgs(port: unknown, options: unknown) {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 0xffff) {
    throw new TypeError(`Expected \`port\` to be a port number (an integer from 0 to 65535), got ${describeValue(port)}`);
  }
  const o = options === undefined ? {} : readObject(options, 'options');
  const protocol = o.protocol ?? 'both';
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'both') {
    throw new TypeError(`Expected \`options.protocol\` to be 'tcp', 'udp' or 'both', got ${describeValue(protocol)}`);
  }
  const af = toAddressFamily(o.family ?? 'all', 'options.family');
  assertWindows(protocol === 'udp' ? UDP_ENDPOINTS.decl.get.fn.name : TCP_CONNECTIONS.decl.get.fn.name);
  return { port, protocol, af };
}

/** getPortOwners as a plan: one table read per protocol, then the owners' image paths, each PID once. */
function* portOwnersPlan(port: unknown, options: unknown): Plan<PortOwner[]> {
  const { port: p, protocol, af } = checkPortOwnersArgs(port, options);
  const sockets: Omit<PortOwner, 'processPath' | 'processName'>[] = [];
  if (protocol !== 'udp') {
    const tcp = yield* step({ sync: () => TCP_CONNECTIONS.get(af), async: () => TCP_CONNECTIONS.getAsync(af) });
    for (const r of tcp as TcpRow[]) {
      if (r.state === 'listen' && r.localPort === p) sockets.push({ protocol: 'tcp', family: r.family, localAddress: r.localAddress, localPort: r.localPort, state: r.state, owningPid: r.owningPid });
    }
  }
  if (protocol !== 'tcp') {
    const udp = yield* step({ sync: () => UDP_ENDPOINTS.get(af), async: () => UDP_ENDPOINTS.getAsync(af) });
    for (const r of udp as { family: 'ipv4' | 'ipv6'; localAddress: string; localPort: number; owningPid: number }[]) {
      if (r.localPort === p) sockets.push({ protocol: 'udp', family: r.family, localAddress: r.localAddress, localPort: r.localPort, owningPid: r.owningPid });
    }
  }
  const paths = imagePaths(sockets.map((s) => s.owningPid));
  return sockets.map((s) => {
    const processPath = paths.get(s.owningPid) ?? null;
    return Object.assign(s, { processPath, processName: imageName(processPath) });
  });
}

/**
 * Lists every TCP listener and UDP endpoint bound to `port`, with the process that owns it: what find-process and pid-port answer by parsing `netstat -ano`. One table read per protocol; then one image-path lookup per owning process.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable
 */
export function getPortOwners(port: number, options?: PortOwnersOptions): PortOwner[] {
  return runSync(portOwnersPlan(port, options));
}

/**
 * Like getPortOwners, with the table calls on worker threads (the image-path lookups are quick and run on the calling thread).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-getextendedtcptable
 */
export function getPortOwnersAsync(port: number, options?: PortOwnersOptions): Promise<PortOwner[]> {
  return runAsync(portOwnersPlan(port, options));
}

/** The connection closeTcpConnection takes: an IPv4 row of getTcpTable (or its four address members). */
export interface TcpConnectionKey {
  readonly family?: 'ipv4' | 'ipv6';
  readonly state?: TcpState;
  readonly localAddress: string;
  readonly localPort: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
}

const isIpv4 = (value: unknown): value is string => typeof value === 'string' && netModule().isIPv4(value);
const isPort = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffff;

function checkConnection(row: unknown): { localAddress: string; localPort: number; remoteAddress: string; remotePort: number } {
  const r = readObject(row, 'row', "a TCP connection like a row of getTcpTable('ipv4')");
  if (r.family === 'ipv6' || (typeof r.localAddress === 'string' && r.localAddress.includes(':'))) {
    throw new TypeError('closeTcpConnection closes IPv4 connections only (`row` is IPv6): SetTcpEntry takes a MIB_TCPROW, which has no IPv6 form');
  }
  if (r.state === 'listen') throw new TypeError('closeTcpConnection closes connections, not listeners: `row.state` is \'listen\'');
  for (const key of ['localAddress', 'remoteAddress'] as const) {
    if (!isIpv4(r[key])) throw new TypeError(`Expected \`row.${key}\` to be an IPv4 address like '192.0.2.7', got ${describeValue(r[key])}`);
  }
  for (const key of ['localPort', 'remotePort'] as const) {
    if (!isPort(r[key])) throw new TypeError(`Expected \`row.${key}\` to be a port number (an integer from 0 to 65535), got ${describeValue(r[key])}`);
  }
  if (r.remotePort === 0 && r.remoteAddress === '0.0.0.0') throw new TypeError('closeTcpConnection closes connections, not listeners: the row has no remote end');
  return { localAddress: r.localAddress as string, localPort: r.localPort as number, remoteAddress: r.remoteAddress as string, remotePort: r.remotePort as number };
}

let tcpRowWriter: ReturnType<typeof memberWriter> | undefined;

function* closePlan(row: unknown): Plan<void> {
  const connection = checkConnection(row);
  assertWindows(SetTcpEntry.name);
  const { rowSize } = MIB_TCPROW.layout();
  const bytes = Buffer.alloc(rowSize);
  tcpRowWriter ??= memberWriter(MIB_TCPROW.layout(), MIB_TCPROW.keys, 'MIB_TCPROW');
  tcpRowWriter(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, { state: 'deleteTcb', ...connection });
  const status = yield* step({ sync: () => call(SetTcpEntry, bytes) as number, async: () => callAsync(SetTcpEntry, bytes) });
  const text = `${connection.localAddress}:${connection.localPort} → ${connection.remoteAddress}:${connection.remotePort}`;
  if (status === WIN32.ERROR_ACCESS_DENIED) {
    throw new IpHelperError(`SetTcpEntry failed: ERROR_ACCESS_DENIED (5): closing the connection ${text} needs administrator rights (run elevated)`, {
      code: 'ERROR_ACCESS_DENIED',
      syscall: 'SetTcpEntry',
      errno: WIN32.ERROR_ACCESS_DENIED,
    });
  }
  if (status === WIN32.ERROR_NOT_FOUND) {
    throw new IpHelperError(`SetTcpEntry failed: ERROR_NOT_FOUND (1168): there is no TCP connection ${text} (it may have closed already)`, {
      code: 'ERROR_NOT_FOUND',
      syscall: 'SetTcpEntry',
      errno: WIN32.ERROR_NOT_FOUND,
    });
  }
  checkStatus('SetTcpEntry', status);
}

/**
 * Closes an IPv4 TCP connection (SetTcpEntry with MIB_TCP_STATE_DELETE_TCB, as TCPView's "close connection" does): needs administrator rights. The row is checked before any native call: an IPv6 connection or a listener is a TypeError.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-settcpentry
 */
export function closeTcpConnection(row: TcpConnectionKey): void {
  runSync(closePlan(row));
}

/**
 * Like closeTcpConnection, with the native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/iphlpapi/nf-iphlpapi-settcpentry
 */
export function closeTcpConnectionAsync(row: TcpConnectionKey): Promise<void> {
  return runAsync(closePlan(row));
}
