/**
 * The connection tables' rows (tcpmib.h, udpmib.h), declared once: what
 * GetExtendedTcpTable (TCP_TABLE_OWNER_PID_ALL) and GetExtendedUdpTable
 * (UDP_TABLE_OWNER_PID) return, one struct per family, and the MIB_TCPROW that
 * SetTcpEntry takes. Each row starts with the family its struct implies
 * (a constant, no bytes); addresses are text, ports host-order numbers.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcprow_owner_pid
 */
import { cEnum, constant, DWORD, IN6_ADDR, IN_ADDR, PORT } from '../struct/ctypes.js';
import { defineStruct } from '../struct/define.js';

/** MIB_TCP_STATE (tcpmib.h): a TCP connection's state, named as PowerShell's Get-NetTCPConnection names it, in camelCase. */
export const MIB_TCP_STATE = Object.freeze({
  closed: 1,
  listen: 2,
  synSent: 3,
  synReceived: 4,
  established: 5,
  finWait1: 6,
  finWait2: 7,
  closeWait: 8,
  closing: 9,
  lastAck: 10,
  timeWait: 11,
  deleteTcb: 12,
} as const);

const TCP_STATE = cEnum('MIB_TCP_STATE', MIB_TCP_STATE);

const memberDocs = {
  dwState: 'The state of the TCP connection.',
  dwLocalAddr: 'The local IPv4 address (0.0.0.0: every address, for a listener).',
  ucLocalAddr: 'The local IPv6 address (:: : every address, for a listener).',
  dwLocalScopeId: 'The scope ID of the local IPv6 address.',
  dwLocalPort: 'The local port.',
  dwRemoteAddr: 'The remote IPv4 address (0.0.0.0 for a listener).',
  ucRemoteAddr: 'The remote IPv6 address (:: for a listener).',
  dwRemoteScopeId: 'The scope ID of the remote IPv6 address.',
  dwRemotePort: 'The remote port (0 for a listener).',
  dwOwningPid: 'The ID of the process that owns the socket (0 where Windows does not say: see getProcessImagePath).',
  family: 'Not a member: the family every row of this struct has.',
} as const;

export const MIB_TCPROW_OWNER_PID = defineStruct({
  name: 'MIB_TCPROW_OWNER_PID',
  table: 'MIB_TCPTABLE_OWNER_PID',
  tableMembers: ['dwNumEntries', 'table'],
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcprow_owner_pid',
  memberDocs,
  members: [
    ['family', constant('ipv4')],
    ['dwState', TCP_STATE, 'state'],
    ['dwLocalAddr', IN_ADDR, 'localAddress'],
    ['dwLocalPort', PORT, 'localPort'],
    ['dwRemoteAddr', IN_ADDR, 'remoteAddress'],
    ['dwRemotePort', PORT, 'remotePort'],
    ['dwOwningPid', DWORD, 'owningPid'],
  ],
});

export const MIB_TCP6ROW_OWNER_PID = defineStruct({
  name: 'MIB_TCP6ROW_OWNER_PID',
  table: 'MIB_TCP6TABLE_OWNER_PID',
  tableMembers: ['dwNumEntries', 'table'],
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcp6row_owner_pid',
  memberDocs,
  members: [
    ['family', constant('ipv6')],
    ['ucLocalAddr', IN6_ADDR, 'localAddress'],
    ['dwLocalScopeId', DWORD, 'localScopeId'],
    ['dwLocalPort', PORT, 'localPort'],
    ['ucRemoteAddr', IN6_ADDR, 'remoteAddress'],
    ['dwRemoteScopeId', DWORD, 'remoteScopeId'],
    ['dwRemotePort', PORT, 'remotePort'],
    ['dwState', TCP_STATE, 'state'],
    ['dwOwningPid', DWORD, 'owningPid'],
  ],
});

const udpDocs = {
  dwLocalAddr: 'The local IPv4 address the socket is bound to (0.0.0.0: every address).',
  ucLocalAddr: 'The local IPv6 address the socket is bound to (:: : every address).',
  dwLocalScopeId: 'The scope ID of the local IPv6 address.',
  dwLocalPort: 'The local port.',
  dwOwningPid: 'The ID of the process that owns the socket.',
  family: 'Not a member: the family every row of this struct has.',
} as const;

export const MIB_UDPROW_OWNER_PID = defineStruct({
  name: 'MIB_UDPROW_OWNER_PID',
  table: 'MIB_UDPTABLE_OWNER_PID',
  tableMembers: ['dwNumEntries', 'table'],
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/udpmib/ns-udpmib-mib_udprow_owner_pid',
  memberDocs: udpDocs,
  members: [
    ['family', constant('ipv4')],
    ['dwLocalAddr', IN_ADDR, 'localAddress'],
    ['dwLocalPort', PORT, 'localPort'],
    ['dwOwningPid', DWORD, 'owningPid'],
  ],
});

export const MIB_UDP6ROW_OWNER_PID = defineStruct({
  name: 'MIB_UDP6ROW_OWNER_PID',
  table: 'MIB_UDP6TABLE_OWNER_PID',
  tableMembers: ['dwNumEntries', 'table'],
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/udpmib/ns-udpmib-mib_udp6row_owner_pid',
  memberDocs: udpDocs,
  members: [
    ['family', constant('ipv6')],
    ['ucLocalAddr', IN6_ADDR, 'localAddress'],
    ['dwLocalScopeId', DWORD, 'localScopeId'],
    ['dwLocalPort', PORT, 'localPort'],
    ['dwOwningPid', DWORD, 'owningPid'],
  ],
});

/** MIB_TCPROW (MIB_TCPROW_LH): one IPv4 connection as SetTcpEntry takes it (its State: a union of DWORD dwState and MIB_TCP_STATE State). */
export const MIB_TCPROW = defineStruct({
  name: 'MIB_TCPROW',
  doc: 'https://learn.microsoft.com/en-us/windows/win32/api/tcpmib/ns-tcpmib-mib_tcprow_lh',
  memberDocs,
  members: [
    ['dwState', TCP_STATE, 'state'],
    ['dwLocalAddr', IN_ADDR, 'localAddress'],
    ['dwLocalPort', PORT, 'localPort'],
    ['dwRemoteAddr', IN_ADDR, 'remoteAddress'],
    ['dwRemotePort', PORT, 'remotePort'],
  ],
});
