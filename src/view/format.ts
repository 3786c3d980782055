/**
 * How the CLI's views write values, as the PowerShell cmdlets they mirror do:
 * pure functions, shared by the table declarations' columns.
 */
import { parseIp } from '../ip.js';
import { INFINITE_LIFETIME } from '../structs/mib-unicastipaddress-row.js';
import type { IfRow2 } from '../tables/adapters.js';

/** 'preferred' → 'Preferred'. */
export const capital = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** 'ipv4' → 'IPv4'. */
export const familyText = (family: 'ipv4' | 'ipv6'): string => (family === 'ipv4' ? 'IPv4' : 'IPv6');

/** A MAC address as Get-NetAdapter writes it: '02-5E-11-22-33-44'. */
export const macText = (mac: string): string => mac.toUpperCase().replaceAll(':', '-');

/** A boolean as PowerShell writes it. */
export const trueFalse = (value: boolean): string => (value ? 'True' : 'False');

/** A key that orders addresses numerically (192.168.1.9 before 192.168.1.10), IPv4 before IPv6. */
export function addressKey(address: string): string {
  const bytes = parseIp(address, 'address').bytes;
  let key = bytes.length === 4 ? '4' : '6';
  for (const b of bytes) key += b.toString(16).padStart(2, '0');
  return key;
}

/** A lifetime in seconds as PowerShell shows a TimeSpan ('Infinite' for 0xFFFFFFFF). */
export function lifetime(seconds: number): string {
  if (seconds === INFINITE_LIFETIME) return 'Infinite';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  const hms = [h, m, sec].map((n) => String(n).padStart(2, '0')).join(':');
  return d > 0 ? `${d}.${hms}` : hms;
}

/** Get-NetAdapter's Status: what a person calls the adapter's state. */
export function adapterStatus(r: Pick<IfRow2, 'operStatus' | 'adminStatus' | 'mediaConnectState'>): string {
  if (r.operStatus === 'notPresent') return 'Not Present';
  if (r.adminStatus === 'down') return 'Disabled';
  if (r.operStatus === 'up') return 'Up';
  if (r.mediaConnectState === 'disconnected' || r.operStatus === 'lowerLayerDown') return 'Disconnected';
  return r.operStatus.charAt(0).toUpperCase() + r.operStatus.slice(1);
}

/** Get-NetAdapter's LinkSpeed: '1 Gbps', '866.7 Mbps', '0 bps'. */
export function linkSpeed(bitsPerSecond: bigint): string {
  const units = ['bps', 'Kbps', 'Mbps', 'Gbps', 'Tbps', 'Pbps', 'Ebps'];
  let unit = 0;
  let scaled = Number(bitsPerSecond);
  while (scaled >= 1000 && unit < units.length - 1) {
    scaled /= 1000;
    unit++;
  }
  return `${Number(scaled.toFixed(1))} ${units[unit]}`;
}
