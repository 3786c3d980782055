/**
 * IP address text ⇄ bytes, for arguments: parsing what a caller passes
 * ('192.0.2.1', '2001:db8::1', 'fe80::1%12') into a SOCKADDR_INET, and prefix
 * containment for the best-route fallback. Output text is made by the struct
 * reader (RFC 5952); this module only reads.
 */
import { netModule } from './builtins.js';
import { describeValue } from './errors.js';
import { AF_INET, AF_INET6 } from './struct/ctypes.js';
import { formatIpv6 } from './struct/reader.js';

/** A parsed address: its family, its bytes in network order, and an IPv6 zone if one was given. */
export interface ParsedIp {
  readonly family: 'ipv4' | 'ipv6';
  readonly bytes: Uint8Array;
  readonly scopeId: number;
}

function ipv4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

function ipv6Bytes(text: string): Uint8Array {
  let groups: string[];
  let tail: number[] = [];
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.', lastColon)) {
    tail = [...ipv4Bytes(body.slice(lastColon + 1))];
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = body.split('::') as [string, string | undefined];
  const left = head === '' ? [] : head.split(':');
  if (rest === undefined) groups = left;
  else {
    const right = rest === '' ? [] : rest.split(':');
    groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  }
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  if (tail.length) out.set(tail, 12);
  return out;
}

/** Parses an IP address argument; a TypeError naming `name` for anything that is not one. */
export function parseIp(value: unknown, name: string): ParsedIp {
  if (typeof value === 'string') {
    const { isIPv4, isIPv6 } = netModule(); // on first use: importing stays cheap
    if (isIPv4(value)) return { family: 'ipv4', bytes: ipv4Bytes(value), scopeId: 0 };
    const parts = value.split('%');
    const [address, zone] = parts as [string, string | undefined];
    // One zone at most: 'fe80::1%17%12' is not an address.
    if (parts.length <= 2 && isIPv6(address) && (zone === undefined || /^\d{1,10}$/.test(zone))) {
      const scopeId = zone === undefined ? 0 : Number(zone);
      if (scopeId <= 0xffff_ffff) return { family: 'ipv6', bytes: ipv6Bytes(address), scopeId };
    }
  }
  throw new TypeError(
    `Expected \`${name}\` to be an IPv4 or IPv6 address like '192.0.2.1', '2001:db8::1' or 'fe80::1%12', got ${describeValue(value)}`,
  );
}

/** A parsed address as the rows write it: dotted IPv4, IPv6 per RFC 5952 with its zone (`%scopeId`) if it has one. */
export function ipText(ip: ParsedIp): string {
  if (ip.family === 'ipv4') return ip.bytes.join('.');
  const text = formatIpv6(new DataView(ip.bytes.buffer, ip.bytes.byteOffset, 16), 0);
  return ip.scopeId === 0 ? text : `${text}%${ip.scopeId}`;
}

/** Parses a prefix argument ('10.0.0.0/8' or { address, prefixLength }); a TypeError naming `name` otherwise. */
export function parsePrefix(value: unknown, name: string): { ip: ParsedIp; length: number } {
  let address: unknown;
  let length: unknown;
  if (typeof value === 'string' && value.includes('/')) {
    const slash = value.lastIndexOf('/');
    address = value.slice(0, slash);
    length = /^\d{1,3}$/.test(value.slice(slash + 1)) ? Number(value.slice(slash + 1)) : NaN;
  } else if (value !== null && typeof value === 'object') {
    ({ address, prefixLength: length } = value as { address?: unknown; prefixLength?: unknown });
  } else {
    throw new TypeError(`Expected \`${name}\` to be a prefix like '0.0.0.0/0' or { address: '::', prefixLength: 0 }, got ${describeValue(value)}`);
  }
  const ip = parseIp(address, `${name}.address`);
  const max = ip.family === 'ipv4' ? 32 : 128;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > max) {
    throw new TypeError(`Expected the prefix length of \`${name}\` to be an integer from 0 to ${max}, got ${describeValue(length)}`);
  }
  return { ip, length };
}

/** A SOCKADDR_INET (28 bytes) holding `ip`, port 0. */
export function sockaddrInet(ip: ParsedIp): Buffer {
  const out = Buffer.alloc(28);
  if (ip.family === 'ipv4') {
    out.writeUInt16LE(AF_INET, 0);
    out.set(ip.bytes, 4);
  } else {
    out.writeUInt16LE(AF_INET6, 0);
    out.set(ip.bytes, 8);
    out.writeUInt32LE(ip.scopeId, 24);
  }
  return out;
}

/** Whether `ip` lies in `prefix/length` (same family). */
export function prefixContains(prefix: ParsedIp, length: number, ip: ParsedIp): boolean {
  if (prefix.family !== ip.family) return false;
  const bits = prefix.bytes.length * 8;
  if (length > bits) return false;
  for (let i = 0; i < length; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((prefix.bytes[byte]! & mask) !== (ip.bytes[byte]! & mask)) return false;
  }
  return true;
}

/** Whether an IPv6 address is IPv4-mapped (::ffff:0:0/96, RFC 4291 §2.5.5.2). */
export function isV4Mapped(ip: ParsedIp): boolean {
  if (ip.family !== 'ipv6') return false;
  for (let i = 0; i < 10; i++) if (ip.bytes[i] !== 0) return false;
  return ip.bytes[10] === 0xff && ip.bytes[11] === 0xff;
}

/**
 * The IPv4 address an IPv4-mapped IPv6 address stands for (RFC 4291 §2.5.5.2: such an address is
 * never forwarded as IPv6; a dual-stack socket sends to it over IPv4); any other address as it is.
 */
export function unmapped(ip: ParsedIp): ParsedIp {
  return isV4Mapped(ip) ? { family: 'ipv4', bytes: ip.bytes.slice(12), scopeId: 0 } : ip;
}

/** Whether an IPv6 address is link-local (fe80::/10). */
export function isLinkLocal(ip: ParsedIp): boolean {
  return ip.family === 'ipv6' && ip.bytes[0] === 0xfe && (ip.bytes[1]! & 0xc0) === 0x80;
}
