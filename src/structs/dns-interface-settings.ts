/**
 * DNS_INTERFACE_SETTINGS (netioapi.h, version 1), declared once: what GetInterfaceDnsSettings fills
 * and SetInterfaceDnsSettings takes (Windows 10 2004 and later). MinGW's headers lack it: its layout
 * is Microsoft's page's, checked with the C compiler on x86-64 and i686 (test/c-layout.test.ts,
 * through fixtures/c/dns-settings.h): 64 bytes on x64, 48 on ia32.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-dns_interface_settings
 */
import { PWCHAR, ULONG, ULONG64 } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/** DNS_INTERFACE_SETTINGS_VERSION1. */
export const DNS_INTERFACE_SETTINGS_VERSION1 = 1;

/** DNS_SETTING_* (netioapi.h): which members a Set call changes, and DNS_SETTING_IPV6 for the IPv6 stack. */
export const DNS_SETTING = Object.freeze({
  IPV6: 0x1,
  NAMESERVER: 0x2,
  SEARCHLIST: 0x4,
  REGISTRATION_ENABLED: 0x8,
  REGISTER_ADAPTER_NAME: 0x10,
  DOMAIN: 0x20,
  HOSTNAME: 0x40,
  ENABLE_LLMNR: 0x80,
  QUERY_ADAPTER_NAME: 0x100,
  PROFILE_NAMESERVER: 0x200,
} as const);

export const DNS_INTERFACE_SETTINGS = defineStruct({
  name: 'DNS_INTERFACE_SETTINGS',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-dns_interface_settings',
  members: [
    ['Version', ULONG],
    ['Flags', ULONG64],
    ['Domain', PWCHAR],
    ['NameServer', PWCHAR],
    ['SearchList', PWCHAR],
    ['RegistrationEnabled', ULONG],
    ['RegisterAdapterName', ULONG],
    ['EnableLLMNR', ULONG],
    ['QueryAdapterName', ULONG],
    ['ProfileNameServer', PWCHAR],
  ],
});
