/**
 * NET_LUID: the 64-bit locally unique identifier of a network interface, and the
 * conversions iphlpapi offers between LUIDs, indexes, aliases, names and GUIDs.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/ifdef/ns-ifdef-net_luid_lh
 */
import { describeValue, IpHelperError, readObject } from './errors.js';
import { guid } from './struct/reader.js';
import {
  bound,
  ConvertInterfaceIndexToLuid,
  ConvertInterfaceLuidToAlias,
  ConvertInterfaceLuidToGuid,
  ConvertInterfaceLuidToIndex,
  ConvertInterfaceLuidToNameW,
  checkStatus as check,
} from './functions.js';
import { assertWindows } from './native.js';

/** Common IANA ifType values (ipifcons.h), by their IANA names. */
export const IF_TYPE = Object.freeze({
  other: 1,
  ethernetCsmacd: 6,
  iso88025TokenRing: 9,
  ppp: 23,
  softwareLoopback: 24,
  atm: 37,
  propVirtual: 53,
  ieee80211: 71,
  tunnel: 131,
  l2Vlan: 135,
  ieee1394: 144,
} as const);

export type IfTypeName = keyof typeof IF_TYPE;

/** The parts of a NET_LUID (bits 0–23 reserved, 24–47 NetLuidIndex, 48–63 IfType). */
export interface LuidParts {
  /** The reserved low 24 bits (0 on LUIDs Windows hands out). */
  readonly reserved: number;
  /** 24-bit index distinguishing interfaces of the same type. */
  readonly netLuidIndex: number;
  /** 16-bit IANA interface type (see IF_TYPE). */
  readonly ifType: number;
  /** The IF_TYPE name of `ifType`, when it is one of the common ones. */
  readonly ifTypeName: IfTypeName | undefined;
}

const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

/** Checks a LUID argument: a bigint in 0…2^64−1 (or a safe non-negative integer number). */
export function toLuid(value: unknown, name = 'luid'): bigint {
  if (typeof value === 'bigint' && value >= 0n && value <= UINT64_MAX) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
  throw new TypeError(`Expected \`${name}\` to be a 64-bit unsigned bigint (a NET_LUID), got ${describeValue(value)}`);
}

/** Checks an interface index argument: an integer in 1…2^32−1. */
export function toInterfaceIndex(value: unknown, name = 'index'): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 0xffff_ffff) return value;
  throw new TypeError(`Expected \`${name}\` to be an interface index (an integer from 1 to 4294967295), got ${describeValue(value)}`);
}

const IF_TYPE_NAMES = new Map<number, IfTypeName>(Object.entries(IF_TYPE).map(([name, value]) => [value, name as IfTypeName]));

/**
 * Splits a NET_LUID into its NetLuidIndex and IfType (pure; no system call).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/ifdef/ns-ifdef-net_luid_lh
 */
export function parseLuid(luid: bigint): LuidParts {
  const value = toLuid(luid);
  const ifType = Number(value >> 48n);
  return {
    reserved: Number(value & 0xff_ffffn),
    netLuidIndex: Number((value >> 24n) & 0xff_ffffn),
    ifType,
    ifTypeName: IF_TYPE_NAMES.get(ifType),
  };
}

/**
 * Builds a NET_LUID from an IfType and a NetLuidIndex (pure; no system call).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/ifdef/ns-ifdef-net_luid_lh
 */
export function makeLuid(parts: { ifType: number; netLuidIndex: number }): bigint {
  const { ifType, netLuidIndex } = readObject(parts, 'parts', 'an object like { ifType: 6, netLuidIndex: 1 }') as { ifType: number; netLuidIndex: number };
  if (!Number.isInteger(ifType) || ifType < 0 || ifType > 0xffff) {
    throw new TypeError(`Expected \`ifType\` to be an integer from 0 to 65535, got ${describeValue(ifType)}`);
  }
  if (!Number.isInteger(netLuidIndex) || netLuidIndex < 0 || netLuidIndex > 0xff_ffff) {
    throw new TypeError(`Expected \`netLuidIndex\` to be an integer from 0 to 16777215, got ${describeValue(netLuidIndex)}`);
  }
  return (BigInt(ifType) << 48n) | (BigInt(netLuidIndex) << 24n);
}

/** IF_MAX_STRING_SIZE + 1 (ifdef.h): the WCHARs an alias or name buffer holds, NUL included. */
const STRING_CHARS = 257;

function luidBuffer(luid: bigint): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64LE(luid);
  return buffer;
}

/** A NUL-terminated UTF-16 string from a buffer the function filled; an error, never garbage, if unterminated. */
function wideString(syscall: string, buffer: Buffer): string {
  for (let i = 0; i + 1 < buffer.length; i += 2) {
    if (buffer[i] === 0 && buffer[i + 1] === 0) return buffer.toString('utf16le', 0, i);
  }
  throw new IpHelperError(`${syscall} reported success but returned a string with no terminating NUL`, {
    code: 'ERR_IPHLPAPI_BAD_RESULT',
    syscall,
    errno: 0,
  });
}

/**
 * Converts a LUID to the interface index (ConvertInterfaceLuidToIndex).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoindex
 */
export function convertInterfaceLuidToIndex(luid: bigint): number {
  const value = toLuid(luid);
  assertWindows('ConvertInterfaceLuidToIndex');
  const fn = bound(ConvertInterfaceLuidToIndex);
  const index = new Uint32Array(1);
  check('ConvertInterfaceLuidToIndex', fn(luidBuffer(value), index) as number);
  return index[0]!;
}

/**
 * Converts an interface index to its LUID (ConvertInterfaceIndexToLuid).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceindextoluid
 */
export function convertInterfaceIndexToLuid(index: number): bigint {
  const value = toInterfaceIndex(index);
  assertWindows('ConvertInterfaceIndexToLuid');
  const fn = bound(ConvertInterfaceIndexToLuid);
  const luid = Buffer.alloc(8);
  check('ConvertInterfaceIndexToLuid', fn(value, luid) as number);
  return luid.readBigUInt64LE();
}

function luidToString(syscall: 'ConvertInterfaceLuidToAlias' | 'ConvertInterfaceLuidToNameW', luid: bigint): string {
  const value = toLuid(luid);
  assertWindows(syscall);
  const fn = bound(syscall === 'ConvertInterfaceLuidToAlias' ? ConvertInterfaceLuidToAlias : ConvertInterfaceLuidToNameW);
  const buffer = Buffer.alloc(STRING_CHARS * 2);
  check(syscall, fn(luidBuffer(value), buffer, STRING_CHARS) as number);
  return wideString(syscall, buffer);
}

/**
 * Converts a LUID to the interface alias a user sees, such as "Wi-Fi" or "Ethernet 2"
 * (ConvertInterfaceLuidToAlias). Fails for a LUID no interface has.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoalias
 */
export function convertInterfaceLuidToAlias(luid: bigint): string {
  return luidToString('ConvertInterfaceLuidToAlias', luid);
}

/**
 * Converts a LUID to the interface name, such as "ethernet_32768" (ConvertInterfaceLuidToNameW).
 * The name is formatted from the LUID's type and index, so it can succeed for a
 * LUID that no interface has (Wine's does).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtonamew
 */
export function convertInterfaceLuidToName(luid: bigint): string {
  return luidToString('ConvertInterfaceLuidToNameW', luid);
}

/**
 * Converts a LUID to the interface GUID, as `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` (ConvertInterfaceLuidToGuid).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-convertinterfaceluidtoguid
 */
export function convertInterfaceLuidToGuid(luid: bigint): string {
  return formatGuid(interfaceGuidBytes(luid));
}

/** Not API: the interface GUID's 16 bytes (ConvertInterfaceLuidToGuid), as a GUID struct holds them. */
export function interfaceGuidBytes(luid: bigint): Buffer {
  const value = toLuid(luid);
  assertWindows('ConvertInterfaceLuidToGuid');
  const fn = bound(ConvertInterfaceLuidToGuid);
  const guid = Buffer.alloc(16);
  check('ConvertInterfaceLuidToGuid', fn(luidBuffer(value), guid) as number);
  return guid;
}

/** GUID bytes (Data1–3 little-endian, Data4 as is) → `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}`: the row reader's GUID text. */
export function formatGuid(bytes: Uint8Array): string {
  return guid(new DataView(bytes.buffer, bytes.byteOffset, 16), 0);
}
