/** Every struct the package declares: tests, docs and captures iterate over this list. */
import { MIB_IF_ROW2 } from './mib-if-row2.js';
import { MIB_IPFORWARD_ROW2 } from './mib-ipforward-row2.js';
import { MIB_IPINTERFACE_ROW } from './mib-ipinterface-row.js';
import { MIB_IPNET_ROW2 } from './mib-ipnet-row2.js';
import { MIB_TCP6ROW_OWNER_PID, MIB_TCPROW, MIB_TCPROW_OWNER_PID, MIB_UDP6ROW_OWNER_PID, MIB_UDPROW_OWNER_PID } from './mib-tcprow-owner-pid.js';
import { MIB_UNICASTIPADDRESS_ROW } from './mib-unicastipaddress-row.js';

export { MIB_IF_ROW2, MIB_IPFORWARD_ROW2, MIB_IPINTERFACE_ROW, MIB_IPNET_ROW2, MIB_UNICASTIPADDRESS_ROW };
export { MIB_TCPROW_OWNER_PID, MIB_TCP6ROW_OWNER_PID, MIB_UDPROW_OWNER_PID, MIB_UDP6ROW_OWNER_PID, MIB_TCPROW };
export const STRUCTS = Object.freeze([
  MIB_IPINTERFACE_ROW,
  MIB_IF_ROW2,
  MIB_UNICASTIPADDRESS_ROW,
  MIB_IPFORWARD_ROW2,
  MIB_IPNET_ROW2,
  MIB_TCPROW_OWNER_PID,
  MIB_TCP6ROW_OWNER_PID,
  MIB_UDPROW_OWNER_PID,
  MIB_UDP6ROW_OWNER_PID,
  MIB_TCPROW,
] as const);
