/**
 * Every DLL function this package calls, declared once: DLL, name, result and
 * parameter types (koffi's spelling; `OUT_POINTER` is a `void **` out
 * parameter, `CHANGE_CALLBACK` a pointer to the change-notification callback).
 * Each is bound lazily, on its first call, with `__stdcall`, so a system that
 * lacks one export (Wine lacks several) still serves the others. `call` and
 * `callAsync` are the only ways to invoke them: the same declaration serves the
 * synchronous call and the one on koffi's worker thread.
 */
import { ipHelperErrorFromStatus } from './errors.js';
import { bind, callAsync as callBoundAsync, changeCallbackPointer, dnsSettingsPointer, guidByValue, outPointer, type KoffiType } from './native.js';

/** A `void **` out parameter (the table pointer a Get…Table call fills). */
export const OUT_POINTER = Symbol('OUT_POINTER');
/** A pointer to the one change-notification callback prototype (see native.ts). */
export const CHANGE_CALLBACK = Symbol('CHANGE_CALLBACK');
/** A GUID passed by value (SetInterfaceDnsSettings' first parameter). */
export const GUID_BY_VALUE = Symbol('GUID_BY_VALUE');
/** `const DNS_INTERFACE_SETTINGS *`, marshalled from a JS object (see native.ts). */
export const DNS_SETTINGS_IN = Symbol('DNS_SETTINGS_IN');
type Param = string | typeof OUT_POINTER | typeof CHANGE_CALLBACK | typeof GUID_BY_VALUE | typeof DNS_SETTINGS_IN;

/** A DLL function's declaration. */
export interface DllFunction {
  readonly dll: string;
  readonly name: string;
  readonly result: string;
  readonly params: readonly Param[];
}

function declare(dll: string, name: string, result: string, params: readonly Param[]): DllFunction {
  return Object.freeze({ dll, name, result, params: Object.freeze([...params]) });
}
const iphlpapi = (name: string, result: string, params: readonly Param[]) => declare('iphlpapi.dll', name, result, params);
const kernel32 = (name: string, result: string, params: readonly Param[]) => declare('kernel32.dll', name, result, params);

/* ---- iphlpapi.dll (netioapi.h) ---- */
export const FreeMibTable = iphlpapi('FreeMibTable', 'void', ['void *']);
export const GetIpInterfaceTable = iphlpapi('GetIpInterfaceTable', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const InitializeIpInterfaceEntry = iphlpapi('InitializeIpInterfaceEntry', 'void', ['void *']);
export const GetIpInterfaceEntry = iphlpapi('GetIpInterfaceEntry', 'uint32_t', ['void *']);
export const SetIpInterfaceEntry = iphlpapi('SetIpInterfaceEntry', 'uint32_t', ['void *']);
export const GetIfTable2 = iphlpapi('GetIfTable2', 'uint32_t', [OUT_POINTER]);
export const GetIfEntry2 = iphlpapi('GetIfEntry2', 'uint32_t', ['void *']);
export const GetUnicastIpAddressTable = iphlpapi('GetUnicastIpAddressTable', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const GetUnicastIpAddressEntry = iphlpapi('GetUnicastIpAddressEntry', 'uint32_t', ['void *']);
export const InitializeUnicastIpAddressEntry = iphlpapi('InitializeUnicastIpAddressEntry', 'void', ['void *']);
export const CreateUnicastIpAddressEntry = iphlpapi('CreateUnicastIpAddressEntry', 'uint32_t', ['void *']);
export const SetUnicastIpAddressEntry = iphlpapi('SetUnicastIpAddressEntry', 'uint32_t', ['void *']);
export const DeleteUnicastIpAddressEntry = iphlpapi('DeleteUnicastIpAddressEntry', 'uint32_t', ['void *']);
export const GetIpForwardTable2 = iphlpapi('GetIpForwardTable2', 'uint32_t', ['uint16_t', OUT_POINTER]);
export const GetIpForwardEntry2 = iphlpapi('GetIpForwardEntry2', 'uint32_t', ['void *']);
export const InitializeIpForwardEntry = iphlpapi('InitializeIpForwardEntry', 'void', ['void *']);
export const CreateIpForwardEntry2 = iphlpapi('CreateIpForwardEntry2', 'uint32_t', ['void *']);
export const SetIpForwardEntry2 = iphlpapi('SetIpForwardEntry2', 'uint32_t', ['void *']);
export const DeleteIpForwardEntry2 = iphlpapi('DeleteIpForwardEntry2', 'uint32_t', ['void *']);
export const GetIpNetTable2 = iphlpapi('GetIpNetTable2', 'uint32_t', ['uint16_t', OUT_POINTER]);
/** (NET_LUID *InterfaceLuid, NET_IFINDEX InterfaceIndex, const SOCKADDR_INET *Source, const SOCKADDR_INET *Destination, ULONG AddressSortOptions, PMIB_IPFORWARD_ROW2 BestRoute, SOCKADDR_INET *BestSourceAddress) */
export const GetBestRoute2 = iphlpapi('GetBestRoute2', 'uint32_t', ['void *', 'uint32_t', 'void *', 'void *', 'uint32_t', 'void *', 'void *']);
export const ConvertInterfaceLuidToIndex = iphlpapi('ConvertInterfaceLuidToIndex', 'uint32_t', ['void *', 'void *']);
export const ConvertInterfaceIndexToLuid = iphlpapi('ConvertInterfaceIndexToLuid', 'uint32_t', ['uint32_t', 'void *']);
export const ConvertInterfaceLuidToAlias = iphlpapi('ConvertInterfaceLuidToAlias', 'uint32_t', ['void *', 'void *', 'size_t']);
export const ConvertInterfaceLuidToNameW = iphlpapi('ConvertInterfaceLuidToNameW', 'uint32_t', ['void *', 'void *', 'size_t']);
export const ConvertInterfaceLuidToGuid = iphlpapi('ConvertInterfaceLuidToGuid', 'uint32_t', ['void *', 'void *']);
/** Notify…Change(ADDRESS_FAMILY Family, callback, PVOID CallerContext, BOOLEAN InitialNotification, HANDLE *NotificationHandle): one shape for the three. */
export const NotifyIpInterfaceChange = iphlpapi('NotifyIpInterfaceChange', 'uint32_t', ['uint16_t', CHANGE_CALLBACK, 'void *', 'uint8_t', OUT_POINTER]);
export const NotifyRouteChange2 = iphlpapi('NotifyRouteChange2', 'uint32_t', ['uint16_t', CHANGE_CALLBACK, 'void *', 'uint8_t', OUT_POINTER]);
export const NotifyUnicastIpAddressChange = iphlpapi('NotifyUnicastIpAddressChange', 'uint32_t', ['uint16_t', CHANGE_CALLBACK, 'void *', 'uint8_t', OUT_POINTER]);
export const CancelMibChangeNotify2 = iphlpapi('CancelMibChangeNotify2', 'uint32_t', ['void *']);
/** (PVOID pTcpTable, PDWORD pdwSize, BOOL bOrder, ULONG ulAf, TCP_TABLE_CLASS TableClass, ULONG Reserved): a caller-allocated table. */
export const GetExtendedTcpTable = iphlpapi('GetExtendedTcpTable', 'uint32_t', ['void *', 'void *', 'int', 'uint32_t', 'int', 'uint32_t']);
/** (PVOID pUdpTable, PDWORD pdwSize, BOOL bOrder, ULONG ulAf, UDP_TABLE_CLASS TableClass, ULONG Reserved): a caller-allocated table. */
export const GetExtendedUdpTable = iphlpapi('GetExtendedUdpTable', 'uint32_t', ['void *', 'void *', 'int', 'uint32_t', 'int', 'uint32_t']);
/** (ULONG Family, ULONG Flags, PVOID Reserved, PIP_ADAPTER_ADDRESSES AdapterAddresses, PULONG SizePointer): a caller-allocated linked list. */
export const GetAdaptersAddresses = iphlpapi('GetAdaptersAddresses', 'uint32_t', ['uint32_t', 'uint32_t', 'void *', 'void *', 'void *']);
/** (GUID Interface, DNS_INTERFACE_SETTINGS *Settings): Windows 10 2004 and later; the GUID by value. */
export const GetInterfaceDnsSettings = iphlpapi('GetInterfaceDnsSettings', 'uint32_t', [GUID_BY_VALUE, 'void *']);
/** (GUID Interface, const DNS_INTERFACE_SETTINGS *Settings): Windows 10 2004 and later; the GUID by value. */
export const SetInterfaceDnsSettings = iphlpapi('SetInterfaceDnsSettings', 'uint32_t', [GUID_BY_VALUE, DNS_SETTINGS_IN]);
/** (DNS_INTERFACE_SETTINGS *Settings): frees the strings GetInterfaceDnsSettings allocated. */
export const FreeInterfaceDnsSettings = iphlpapi('FreeInterfaceDnsSettings', 'void', ['void *']);
/** (PMIB_TCPROW pTcpRow) */
export const SetTcpEntry = iphlpapi('SetTcpEntry', 'uint32_t', ['void *']);

/* ---- kernel32.dll ---- */
/** (dwFlags, lpSource, dwMessageId, dwLanguageId, lpBuffer, nSize, Arguments): a Win32 code's text. */
export const FormatMessageW = kernel32('FormatMessageW', 'uint32_t', ['uint32_t', 'void *', 'uint32_t', 'uint32_t', 'void *', 'uint32_t', 'void *']);
export const GetModuleHandleW = kernel32('GetModuleHandleW', 'void *', ['str16']);
export const GetProcAddress = kernel32('GetProcAddress', 'void *', ['void *', 'str']);
/** (lpThreadAttributes, dwStackSize, lpStartAddress, lpParameter, dwCreationFlags, lpThreadId) */
export const CreateThread = kernel32('CreateThread', 'void *', ['void *', 'size_t', 'void *', 'void *', 'uint32_t', 'void *']);
export const WaitForSingleObject = kernel32('WaitForSingleObject', 'uint32_t', ['void *', 'uint32_t']);
export const CloseHandle = kernel32('CloseHandle', 'int', ['void *']);
/** (DWORD dwDesiredAccess, BOOL bInheritHandle, DWORD dwProcessId) → HANDLE, NULL on failure. */
export const OpenProcess = kernel32('OpenProcess', 'void *', ['uint32_t', 'int', 'uint32_t']);
/** (HANDLE hProcess, DWORD dwFlags, LPWSTR lpExeName, PDWORD lpdwSize) → BOOL. */
export const QueryFullProcessImageNameW = kernel32('QueryFullProcessImageNameW', 'int', ['void *', 'uint32_t', 'void *', 'void *']);
/** The calling thread's last error (koffi keeps it across its own work between calls). */
export const GetLastError = kernel32('GetLastError', 'uint32_t', []);

const boundFunctions = new Map<DllFunction, ReturnType<typeof bind>>();

/** The koffi function for a declaration, bound on first use (ERROR_NOT_SUPPORTED if the export is missing). */
export function bound(fn: DllFunction): ReturnType<typeof bind> {
  let f = boundFunctions.get(fn);
  if (!f) {
    const params: (string | KoffiType)[] = fn.params.map((p) =>
      p === OUT_POINTER ? outPointer() : p === CHANGE_CALLBACK ? changeCallbackPointer() : p === GUID_BY_VALUE ? guidByValue() : p === DNS_SETTINGS_IN ? dnsSettingsPointer() : p,
    );
    f = bind(fn.dll, fn.name, fn.result, params);
    boundFunctions.set(fn, f);
  }
  return f;
}

/** Calls a declared function on this thread. */
export function call(fn: DllFunction, ...args: unknown[]): unknown {
  return bound(fn)(...args);
}

/** Calls a declared function on one of koffi's worker threads; resolves with what it returned. */
export function callAsync(fn: DllFunction, ...args: unknown[]): Promise<number> {
  return callBoundAsync(bound(fn), ...args);
}

const FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
const FORMAT_MESSAGE_IGNORE_INSERTS = 0x200;

/** The system's message for a Win32 error code (FormatMessageW), or undefined. */
export function systemMessage(code: number): string | undefined {
  try {
    const buffer = Buffer.alloc(2048);
    const chars = call(FormatMessageW, FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, null, code, 0, buffer, buffer.length / 2, null) as number;
    if (!chars || chars > buffer.length / 2) return undefined;
    return buffer.toString('utf16le', 0, chars * 2);
  } catch {
    return undefined;
  }
}

/** Throws the IpHelperError for a non-zero status returned by `syscall` (FormatMessageW for unnamed codes). */
export function checkStatus(syscall: string, status: number): void {
  if (status !== 0) throw ipHelperErrorFromStatus(syscall, status, systemMessage);
}
