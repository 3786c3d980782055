/**
 * Writing unicast addresses — what `netsh interface ipv4 add address` and New-NetIPAddress do — with
 * CreateUnicastIpAddressEntry, SetUnicastIpAddressEntry and DeleteUnicastIpAddressEntry, the way
 * ./writes.ts writes every row: checked before any native call, InitializeUnicastIpAddressEntry's row
 * with only the members given written over it, `{ before, after }` read back.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createunicastipaddressentry
 */
import { describeValue, readObject } from './errors.js';
import {
  CreateUnicastIpAddressEntry,
  DeleteUnicastIpAddressEntry,
  GetUnicastIpAddressEntry,
  InitializeUnicastIpAddressEntry,
  SetUnicastIpAddressEntry,
} from './functions.js';
import { parseIp, parsePrefix, type ParsedIp } from './ip.js';
import { lazy, zod } from './lazy.js';
import { runAsync, runSync } from './plan.js';
import { MIB_UNICASTIPADDRESS_ROW, NL_PREFIX_ORIGIN, NL_SUFFIX_ORIGIN } from './structs/mib-unicastipaddress-row.js';
import { checkInterface } from './table/key.js';
import { UNICAST_ADDRESSES, type UnicastIpAddressRow } from './tables/unicast-addresses.js';
import { checkSetMembers, createPlan, deletePlan, setPlan, unknownMembers, type CheckedRow, type WriteResult, type WriteTarget } from './writes.js';

type Origin<T> = Exclude<keyof T, 'unchanged'>;

/** A unicast address to write: the address with its on-link prefix length, the interface, and the members to set. */
export interface UnicastAddressInput {
  /** '10.0.0.5/24', 'fe80::5%17/64', or { address, prefixLength }: the prefix length is the on-link prefix's. */
  readonly address: string | { readonly address: string; readonly prefixLength: number };
  /** The interface: its index or its LUID (exactly one). */
  readonly interfaceIndex?: number;
  readonly interfaceLuid?: bigint;
  readonly skipAsSource?: boolean;
  readonly validLifetime?: number;
  readonly preferredLifetime?: number;
  readonly prefixOrigin?: Origin<typeof NL_PREFIX_ORIGIN>;
  readonly suffixOrigin?: Origin<typeof NL_SUFFIX_ORIGIN>;
}

/** What an address write changed: the row before (null: it did not exist) and after. */
export type UnicastAddressChangeResult = WriteResult<UnicastIpAddressRow>;

const KEY_MEMBERS = ['address', 'interfaceIndex', 'interfaceLuid'] as const;
const SET_MEMBERS = ['onLinkPrefixLength', 'skipAsSource', 'validLifetime', 'preferredLifetime', 'prefixOrigin', 'suffixOrigin'] as const;
const INPUT_MEMBERS = ['address', 'interfaceIndex', 'interfaceLuid', 'skipAsSource', 'validLifetime', 'preferredLifetime', 'prefixOrigin', 'suffixOrigin'] as const;

const membersSchema = lazy(() => {
  const uint = () => zod().number({ error: 'expected a number' }).int({ error: 'expected an integer' }).min(0).max(0xffff_ffff);
  const names = <T extends Record<string, number>>(values: T) => zod().enum(Object.keys(values).filter((k) => k !== 'unchanged') as [string, ...string[]]);
  return zod().object({
    skipAsSource: zod().boolean().optional(),
    validLifetime: uint().optional(),
    preferredLifetime: uint().optional(),
    prefixOrigin: names(NL_PREFIX_ORIGIN).optional(),
    suffixOrigin: names(NL_SUFFIX_ORIGIN).optional(),
  });
});

/** Whether an address is one a host can hold: not unspecified, not multicast (nor IPv4 broadcast). */
function unicastProblem(ip: ParsedIp): string | undefined {
  const b = ip.bytes;
  if (b.every((x) => x === 0)) return 'the unspecified address';
  if (ip.family === 'ipv4' && b[0]! >= 224 && b[0]! <= 239) return 'a multicast address';
  if (ip.family === 'ipv4' && b.every((x) => x === 255)) return 'the broadcast address';
  if (ip.family === 'ipv6' && b[0] === 0xff) return 'a multicast address';
  return undefined;
}

/**
 * Checks an address to write (or, `keyOnly`, an address's key: the address — a prefix length is
 * ignored — and its interface) before any native call; TypeErrors and RangeErrors name the member.
 */
export function checkUnicastAddress(value: unknown, name: string, keyOnly = false, needLength = !keyOnly): CheckedRow {
  const row = readObject(value, name, "an object like { address: '10.0.0.5/24', interfaceIndex: 12 }");
  unknownMembers(row, name, keyOnly ? KEY_MEMBERS : INPUT_MEMBERS, keyOnly, 'an address');
  const given = row.address;
  let ip: ParsedIp;
  let length: number | undefined;
  if ((typeof given === 'string' && given.includes('/')) || (given !== null && typeof given === 'object')) {
    const prefix = parsePrefix(given, `${name}.address`);
    ip = prefix.ip;
    length = prefix.length;
  } else {
    ip = parseIp(given, `${name}.address`);
  }
  if (length === undefined && needLength) {
    throw new TypeError(`Expected \`${name}.address\` to have its on-link prefix length, like '10.0.0.5/24' or { address: '10.0.0.5', prefixLength: 24 }, got ${describeValue(given)}`);
  }
  const problem = unicastProblem(ip);
  if (problem) throw new RangeError(`Expected \`${name}.address\` to be a unicast address, got ${describeValue(given)} (${problem})`);
  const on = checkInterface(row, name);
  const members: Record<string, unknown> = { address: ip, ...('luid' in on ? { interfaceLuid: on.luid } : { interfaceIndex: on.index }) };
  if (!keyOnly) {
    if (length !== undefined) members.onLinkPrefixLength = length;
    Object.assign(members, checkSetMembers(membersSchema, row, SET_MEMBERS.filter((k) => k !== 'onLinkPrefixLength'), name));
  }
  const text = `${typeof given === 'string' ? given : `${String((given as { address: unknown }).address)}/${length}`} on interface ${'luid' in on ? `LUID ${on.luid}` : on.index}`;
  return { members, text };
}

/** Unicast addresses as a kind of row the package writes (see ./writes.ts). */
const ADDRESS: WriteTarget = {
  noun: 'address',
  plural: 'addresses',
  argument: 'unicastAddress',
  struct: MIB_UNICASTIPADDRESS_ROW,
  table: UNICAST_ADDRESSES,
  initialize: InitializeUnicastIpAddressEntry,
  create: CreateUnicastIpAddressEntry,
  set: SetUnicastIpAddressEntry,
  remove: DeleteUnicastIpAddressEntry,
  entry: GetUnicastIpAddressEntry,
  keyMembers: KEY_MEMBERS,
  settable: SET_MEMBERS,
  // setUnicastAddress may leave the prefix length as it is.
  check: (value, name, keyOnly) => checkUnicastAddress(value, name, keyOnly, false),
};
/** createUnicastAddress's: the prefix length is required. */
const CREATE_ADDRESS: WriteTarget = { ...ADDRESS, check: (value, name, keyOnly) => checkUnicastAddress(value, name, keyOnly) };

/**
 * Adds a unicast address to an interface (CreateUnicastIpAddressEntry) and returns
 * `{ before: null, after }`; with `{ ifExists: 'replace' }` an existing one is changed instead.
 * Needs administrator rights; an existing address is `ERROR_OBJECT_ALREADY_EXISTS`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createunicastipaddressentry
 */
export function createUnicastAddress(unicastAddress: UnicastAddressInput, options?: { readonly ifExists?: 'error' | 'replace' }): UnicastAddressChangeResult {
  return runSync(createPlan<UnicastIpAddressRow>(CREATE_ADDRESS, unicastAddress, options));
}

/**
 * createUnicastAddress with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-createunicastipaddressentry
 */
export function createUnicastAddressAsync(unicastAddress: UnicastAddressInput, options?: { readonly ifExists?: 'error' | 'replace' }): Promise<UnicastAddressChangeResult> {
  return runAsync(createPlan<UnicastIpAddressRow>(CREATE_ADDRESS, unicastAddress, options));
}

/**
 * Changes an existing address's members — lifetimes, skipAsSource, origins, prefix length
 * (SetUnicastIpAddressEntry) — and returns `{ before, after }`; a missing one is `ERROR_NOT_FOUND`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setunicastipaddressentry
 */
export function setUnicastAddress(unicastAddress: UnicastAddressInput): UnicastAddressChangeResult {
  return runSync(setPlan<UnicastIpAddressRow>(ADDRESS, unicastAddress));
}

/**
 * setUnicastAddress with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setunicastipaddressentry
 */
export function setUnicastAddressAsync(unicastAddress: UnicastAddressInput): Promise<UnicastAddressChangeResult> {
  return runAsync(setPlan<UnicastIpAddressRow>(ADDRESS, unicastAddress));
}

/**
 * Removes an address from its interface (DeleteUnicastIpAddressEntry) and returns the row it
 * deleted; a missing one is `ERROR_NOT_FOUND`, or null with `{ ifMissing: 'ignore' }`.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteunicastipaddressentry
 */
export function deleteUnicastAddress(
  key: Pick<UnicastAddressInput, 'address' | 'interfaceIndex' | 'interfaceLuid'>,
  options?: { readonly ifMissing?: 'error' | 'ignore' },
): UnicastIpAddressRow | null {
  return runSync(deletePlan<UnicastIpAddressRow>(ADDRESS, key, options));
}

/**
 * deleteUnicastAddress with each native call on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-deleteunicastipaddressentry
 */
export function deleteUnicastAddressAsync(
  key: Pick<UnicastAddressInput, 'address' | 'interfaceIndex' | 'interfaceLuid'>,
  options?: { readonly ifMissing?: 'error' | 'ignore' },
): Promise<UnicastIpAddressRow | null> {
  return runAsync(deletePlan<UnicastIpAddressRow>(ADDRESS, key, options));
}

/** Not API: the members an address write would write after InitializeUnicastIpAddressEntry (the CLI's --dry-run). */
export function unicastAddressMembers(value: unknown, keyOnly = false): Readonly<Record<string, unknown>> {
  return checkUnicastAddress(value, keyOnly ? 'key' : 'unicastAddress', keyOnly).members;
}
