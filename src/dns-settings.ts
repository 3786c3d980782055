/**
 * An interface's DNS settings — what `netsh interface ip set dns` and Set-DnsClientServerAddress
 * change — through GetInterfaceDnsSettings and SetInterfaceDnsSettings (DNS_INTERFACE_SETTINGS
 * version 1, Windows 10 2004 and later). The interface is passed as its GUID, by value (koffi follows
 * each architecture's ABI). Where the functions are missing, a typed error says which Windows they
 * need; nothing falls back to the registry.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setinterfacednssettings
 */
import { describeValue, IpHelperError, readObject, WIN32 } from './errors.js';
import { call, callAsync, checkStatus, FreeInterfaceDnsSettings, GetInterfaceDnsSettings, SetInterfaceDnsSettings, type DllFunction } from './functions.js';
import { parseIp } from './ip.js';
import { convertInterfaceIndexToLuid, interfaceGuidBytes } from './luid.js';
import { parseKey } from './table/key.js';
import { assertWindows, readPwstr } from './native.js';
import { runAsync, runSync, step, type Plan } from './plan.js';
import { processArch } from './struct/ctypes.js';
import { DNS_INTERFACE_SETTINGS, DNS_INTERFACE_SETTINGS_VERSION1, DNS_SETTING } from './structs/dns-interface-settings.js';

/** One stack's DNS settings of an interface. */
export interface InterfaceDnsSettings {
  readonly family: 'ipv4' | 'ipv6';
  /** The static DNS servers, in order ([] when the interface takes them from DHCP or has none). */
  readonly nameServers: string[];
  /** The connection-specific suffix search list. */
  readonly searchList: string[];
  /** The connection-specific DNS suffix ('' for none). */
  readonly domain: string;
}

/** What setInterfaceDnsSettings changes: the members given (an empty list clears it). */
export interface InterfaceDnsChanges {
  readonly family: 'ipv4' | 'ipv6';
  readonly nameServers?: readonly string[];
  readonly searchList?: readonly string[];
  readonly domain?: string;
}

/** The Windows these functions need, for the error where they are missing. */
const NEEDS = 'needs Windows 10 version 2004 (build 19041) or later';
const ERROR_PROC_NOT_FOUND = 127;

/** The interface as a GUID object koffi passes by value, from an index (number) or a LUID (bigint). */
function guidOf(iface: number | bigint): { Data1: number; Data2: number; Data3: number; Data4: number[] } {
  const bytes = interfaceGuidBytes(typeof iface === 'bigint' ? iface : convertInterfaceIndexToLuid(iface));
  return { Data1: bytes.readUInt32LE(0), Data2: bytes.readUInt16LE(4), Data3: bytes.readUInt16LE(6), Data4: [...bytes.subarray(8)] };
}

/** The interface argument, checked as entry keys check it: an index (number) or a LUID (bigint). */
function checkInterfaceArg(iface: unknown): number | bigint {
  const key = parseKey({ t: 'indexOrLuid', arg: 'interface' }, iface);
  return typeof iface === 'bigint' ? (key.interfaceLuid as bigint) : (key.interfaceIndex as number);
}

function checkFamily(family: unknown, name: string): 'ipv4' | 'ipv6' {
  if (family === 'ipv4' || family === 'ipv6') return family;
  throw new TypeError(`Expected \`${name}\` to be 'ipv4' or 'ipv6', got ${describeValue(family)}`);
}

/** A DNS name as a search-list entry or suffix: labels of letters, digits, '-' and '_', at most 253 characters. */
const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/;

function checkList(value: unknown, name: string, each: (item: unknown, itemName: string) => string): string[] {
  if (!Array.isArray(value)) throw new TypeError(`Expected \`${name}\` to be an array, got ${describeValue(value)}`);
  return value.map((item, i) => each(item, `${name}[${i}]`));
}

/** Checks the changes before any native call: TypeErrors naming the member and the value. */
export function checkDnsChanges(value: unknown): { family: 'ipv4' | 'ipv6'; flags: number; nameServer: string | null; searchList: string | null; domain: string | null } {
  const changes = readObject(value, 'settings', "an object like { family: 'ipv4', nameServers: ['1.1.1.1'] }");
  const unknown = Object.keys(changes).filter((k) => !['family', 'nameServers', 'searchList', 'domain'].includes(k));
  if (unknown.length > 0) throw new TypeError(`\`settings\` has ${unknown.length === 1 ? 'a member' : 'members'} it does not take: ${unknown.map((k) => `\`${k}\``).join(', ')} (it takes \`family\`, \`nameServers\`, \`searchList\`, \`domain\`)`);
  const family = checkFamily(changes.family, 'settings.family');
  let flags = family === 'ipv6' ? DNS_SETTING.IPV6 : 0;
  let nameServer: string | null = null;
  let searchList: string | null = null;
  let domain: string | null = null;
  if (changes.nameServers !== undefined) {
    const servers = checkList(changes.nameServers, 'settings.nameServers', (item, itemName) => {
      const ip = parseIp(item, itemName);
      if (ip.family !== family) throw new TypeError(`Expected \`${itemName}\` to be an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address (the settings' family), got ${describeValue(item)}`);
      if (ip.scopeId !== 0) throw new TypeError(`Expected \`${itemName}\` to have no zone: Windows takes a DNS server of the interface itself, got ${describeValue(item)}`);
      return item as string;
    });
    flags |= DNS_SETTING.NAMESERVER;
    nameServer = servers.join(',');
  }
  if (changes.searchList !== undefined) {
    const names = checkList(changes.searchList, 'settings.searchList', (item, itemName) => {
      if (typeof item !== 'string' || !DOMAIN.test(item)) throw new TypeError(`Expected \`${itemName}\` to be a DNS name like 'corp.example', got ${describeValue(item)}`);
      return item;
    });
    flags |= DNS_SETTING.SEARCHLIST;
    searchList = names.join(',');
  }
  if (changes.domain !== undefined) {
    if (typeof changes.domain !== 'string' || (changes.domain !== '' && !DOMAIN.test(changes.domain))) {
      throw new TypeError(`Expected \`settings.domain\` to be a DNS name like 'corp.example' or '', got ${describeValue(changes.domain)}`);
    }
    flags |= DNS_SETTING.DOMAIN;
    domain = changes.domain;
  }
  if ((flags & ~DNS_SETTING.IPV6) === 0) throw new TypeError('Expected `settings` to name at least one of `nameServers`, `searchList`, `domain`');
  return { family, flags, nameServer, searchList, domain };
}

/** The missing-function error, for an absent export or ERROR_PROC_NOT_FOUND. */
function needsNewerWindows(fn: DllFunction, cause?: unknown): IpHelperError {
  return new IpHelperError(`${fn.name} is not available: it ${NEEDS} (this system lacks it); nothing was changed`, {
    code: 'ERROR_NOT_SUPPORTED',
    syscall: fn.name,
    errno: WIN32.ERROR_NOT_SUPPORTED,
    ...(cause === undefined ? {} : { cause }),
  });
}

/** One call as a plan step, a missing export turned into the typed error. */
function* dnsStep(fn: DllFunction, ...args: unknown[]): Plan<number> {
  let status: number;
  try {
    status = yield* step<number>({ sync: () => call(fn, ...args) as number, async: () => callAsync(fn, ...args) });
  } catch (error) {
    if (error instanceof IpHelperError && error.code === 'ERROR_NOT_SUPPORTED' && error.syscall === fn.name) throw needsNewerWindows(fn, error);
    throw error;
  }
  if (status === ERROR_PROC_NOT_FOUND) throw needsNewerWindows(fn);
  return status;
}

const split = (text: string | null) => (text ? text.split(/[,\s]+/).filter((s) => s !== '') : []);

function* getPlan(iface: unknown, family: unknown): Plan<InterfaceDnsSettings> {
  const on = checkInterfaceArg(iface);
  const f = checkFamily(family, 'family');
  assertWindows(GetInterfaceDnsSettings.name);
  const layout = DNS_INTERFACE_SETTINGS.layout(processArch());
  const settings = Buffer.alloc(layout.rowSize);
  settings.writeUInt32LE(DNS_INTERFACE_SETTINGS_VERSION1, layout.offsets.Version);
  settings.writeBigUInt64LE(BigInt(f === 'ipv6' ? DNS_SETTING.IPV6 : 0), layout.offsets.Flags);
  checkStatus(GetInterfaceDnsSettings.name, yield* dnsStep(GetInterfaceDnsSettings, guidOf(on), settings));
  try {
    return {
      family: f,
      nameServers: split(readPwstr(settings, layout.offsets.NameServer)),
      searchList: split(readPwstr(settings, layout.offsets.SearchList)),
      domain: readPwstr(settings, layout.offsets.Domain) ?? '',
    };
  } finally {
    call(FreeInterfaceDnsSettings, settings); // the strings Windows allocated, exactly once
  }
}

function* setPlan(iface: unknown, value: unknown): Plan<{ before: InterfaceDnsSettings; after: InterfaceDnsSettings }> {
  const on = checkInterfaceArg(iface);
  const changes = checkDnsChanges(value);
  assertWindows(SetInterfaceDnsSettings.name);
  const before = yield* getPlan(on, changes.family);
  const settings = {
    Version: DNS_INTERFACE_SETTINGS_VERSION1,
    Flags: changes.flags,
    Domain: changes.domain,
    NameServer: changes.nameServer,
    SearchList: changes.searchList,
    RegistrationEnabled: 0,
    RegisterAdapterName: 0,
    EnableLLMNR: 0,
    QueryAdapterName: 0,
    ProfileNameServer: null,
  };
  const status = yield* dnsStep(SetInterfaceDnsSettings, guidOf(on), settings);
  try {
    checkStatus(SetInterfaceDnsSettings.name, status);
  } catch (error) {
    if (error instanceof IpHelperError && status === WIN32.ERROR_ACCESS_DENIED) error.message += ' (changing DNS settings needs administrator rights: run elevated)';
    throw error;
  }
  return { before, after: yield* getPlan(on, changes.family) };
}

/**
 * One stack's DNS settings of an interface (by index or LUID): its static DNS servers, suffix search
 * list and suffix (GetInterfaceDnsSettings; Windows 10 2004 and later).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getinterfacednssettings
 */
export function getInterfaceDnsSettings(iface: number | bigint, family: 'ipv4' | 'ipv6'): InterfaceDnsSettings {
  return runSync(getPlan(iface, family));
}

/**
 * getInterfaceDnsSettings on one of koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getinterfacednssettings
 */
export function getInterfaceDnsSettingsAsync(iface: number | bigint, family: 'ipv4' | 'ipv6'): Promise<InterfaceDnsSettings> {
  return runAsync(getPlan(iface, family));
}

/**
 * Sets an interface's static DNS servers, search list or suffix for one stack
 * (SetInterfaceDnsSettings; elevated; Windows 10 2004 and later), and returns the settings before
 * and after; the lists are written comma-separated, as Microsoft's page describes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setinterfacednssettings
 */
export function setInterfaceDnsSettings(iface: number | bigint, settings: InterfaceDnsChanges): { before: InterfaceDnsSettings; after: InterfaceDnsSettings } {
  return runSync(setPlan(iface, settings));
}

/**
 * setInterfaceDnsSettings with its calls on koffi's worker threads.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setinterfacednssettings
 */
export function setInterfaceDnsSettingsAsync(iface: number | bigint, settings: InterfaceDnsChanges): Promise<{ before: InterfaceDnsSettings; after: InterfaceDnsSettings }> {
  return runAsync(setPlan(iface, settings));
}
