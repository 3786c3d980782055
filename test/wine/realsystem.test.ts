// The real-system tier for adapters: getIfTable2 / getIfEntry2 in Windows Node
// under Wine 8's own iphlpapi.dll, inside a private network namespace built by
// scripts/netns-run.sh (veth pairs, a bridge, a tap, lo). Wine's nsiproxy reads
// the Linux kernel, so every expected value below comes from the kernel's own
// view of that namespace (ip -j link, /sys/class/net, /proc/net/dev) — never
// from the package's output. Where Wine 8 fills a member differently from
// Windows, the assertion states Wine's real behaviour and a comment says so.
// Wine's source: dlls/nsiproxy.sys/ndis.c (ifinfo_fill_*), dlls/iphlpapi/iphlpapi_main.c (if_row2_fill).
import { beforeAll, expect, it } from 'vitest';
import { describeInNetns, runInNetns, type DevCounters, type KernelView, type NetnsRun } from './netns.js';
import type { Attempt } from './windows-node.js';

/** A MIB_IF_ROW2 as harness.cjs reports it (bigints as decimal strings). */
type Row = Record<string, unknown> & {
  interfaceLuid: string;
  interfaceIndex: number;
  alias: string;
  interfaceAndOperStatusFlags: Record<string, boolean>;
};
interface Report {
  crashed?: unknown;
  table: Attempt<Row[]>;
  tableAsync: Attempt<Row[]>;
  entries: { index: number; luid: string; byIndex: Attempt<Row>; byLuid: Attempt<Row>; byIndexAsync: Attempt<Row>; byLuidAsync: Attempt<Row> }[];
  missingIndex: Attempt<Row>;
  missingIndexAsync: Attempt<Row>;
  missingLuid: Attempt<Row>;
  ms: number;
}

/** No interface has this index in the namespace (checked against the kernel below). */
const MISSING_INDEX = 4242;
/** What scripts/netns-run.sh setup_network builds. */
const BUILT = ['lo', 'ipi-veth0', 'ipi-veth1', 'ipi-veth2', 'ipi-veth3', 'ipi-br0', 'ipi-tap0'];

const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;
const IFF_UP = 0x1;
/**
 * Wine's if_get_physical: the kernel's ARPHRD type → IFTYPE and the address length it reports.
 * Loopback gets length 0 although the kernel's lo has addr_len 6 (00:00:00:00:00:00).
 */
const WINE_TYPE: Record<number, { ifType: number; addrLen: (kernelAddrLen: number) => number }> = {
  [ARPHRD_ETHER]: { ifType: 6, addrLen: (n) => n }, // IF_TYPE_ETHERNET_CSMACD (veth, bridge and tap too: ARPHRD_ETHER)
  [ARPHRD_LOOPBACK]: { ifType: 24, addrLen: () => 0 }, // IF_TYPE_SOFTWARE_LOOPBACK
};

/** The counters Wine 8 fills from /proc/net/dev, as the kernel's columns. */
const COUNTERS: Record<string, (d: DevCounters) => bigint> = {
  inOctets: (d) => d.rx.bytes,
  // Wine counts every received packet as unicast and puts the multicast column in InNUcastPkts (Windows splits them).
  inUcastPkts: (d) => d.rx.packets,
  inNUcastPkts: (d) => d.rx.multicast,
  inDiscards: (d) => d.rx.drop,
  inErrors: (d) => d.rx.errs,
  outOctets: (d) => d.tx.bytes,
  outUcastPkts: (d) => d.tx.packets,
  outDiscards: (d) => d.tx.drop,
  outErrors: (d) => d.tx.errs,
};
/** Counters Wine 8 never fills on Linux (always 0; Windows reports them). */
const ZERO_COUNTERS = [
  'inUnknownProtos',
  'inUcastOctets',
  'inMulticastOctets',
  'inBroadcastOctets',
  'outNUcastPkts',
  'outUcastOctets',
  'outMulticastOctets',
  'outBroadcastOctets',
  'outQLen',
];
const ALL_COUNTERS = [...Object.keys(COUNTERS), ...ZERO_COUNTERS];

function withoutCounters(row: Row): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !ALL_COUNTERS.includes(key)));
}

/** The kernel's facts about one interface, from `ip -j link` and sysfs (before the program ran). */
interface KernelIf {
  name: string;
  ifindex: number;
  mtu: number;
  address: string;
  addrLen: number;
  arpType: number;
  linkType: string;
  sysFlags: number;
  ipFlags: string[];
  operstate: string;
  carrier: string | null;
  carrierError: string | null;
}

function kernelInterfaces(view: KernelView): KernelIf[] {
  return view.link.map((l) => {
    const sys = view.sys[l.ifname];
    if (!sys) throw new Error(`ip -j link lists ${l.ifname} but /sys/class/net does not`);
    return {
      name: l.ifname,
      ifindex: l.ifindex,
      mtu: l.mtu,
      address: l.address ?? '',
      addrLen: Number(sys.attrs.addr_len),
      arpType: Number(sys.attrs.type),
      linkType: l.link_type,
      sysFlags: Number(sys.attrs.flags),
      ipFlags: l.flags,
      operstate: sys.attrs.operstate!,
      carrier: sys.attrs.carrier ?? null,
      carrierError: sys.errors.carrier ?? null,
    };
  });
}

function guidOf(ifindex: number): string {
  // Wine: Data1 = the index, Data4[2..7] = "NetDev". Windows: a random GUID per adapter.
  return `{${ifindex.toString(16).toUpperCase().padStart(8, '0')}-0000-0000-0000-${Buffer.from('NetDev').toString('hex').toUpperCase().padStart(12, '0')}}`;
}

describeInNetns('real system: adapters in a private network namespace (Wine 8 built-in iphlpapi)', () => {
  let run: NetnsRun<Report>;
  let kernel: KernelIf[];
  let rows: Row[];
  const rowOf = (name: string): Row => {
    const row = rows.find((r) => r.alias === name);
    if (!row) throw new Error(`no row with alias ${name}`);
    return row;
  };

  beforeAll(async () => {
    run = await runInNetns<Report>('realsystem.cjs', { args: [JSON.stringify({ missingIndex: MISSING_INDEX })] });
    console.info(`real-system tier: namespace run ${run.ms} ms (phases, ms since start: ${JSON.stringify(run.phases)}; program ${run.report.ms} ms)`);
    expect(run.report.crashed, run.stderr).toBeUndefined();
    expect(run.nodeExitCode, run.stderr).toBe(0);
    kernel = kernelInterfaces(run.before);
    expect(run.report.table.error).toBeUndefined();
    rows = run.report.table.ok!;
  });

  it('the namespace holds the network the script built (a check of the setup, not of the package)', () => {
    expect(kernel.map((k) => k.name).sort()).toEqual([...BUILT].sort());
    expect(kernelInterfaces(run.after)).toEqual(kernel); // stable while the program ran
    const k = Object.fromEntries(kernel.map((i) => [i.name, i]));
    // both connected and disconnected interfaces, up and down ones, distinct MTUs
    expect(k['ipi-veth0']).toMatchObject({ operstate: 'lowerlayerdown', carrier: '0' }); // up, peer down
    expect(k['ipi-veth1']).toMatchObject({ operstate: 'down', carrier: null }); // down: carrier unreadable
    expect(k['ipi-veth1']!.carrierError).toMatch(/Invalid argument/);
    expect(k['ipi-veth2']).toMatchObject({ operstate: 'up', carrier: '1' });
    expect(k['ipi-br0']).toMatchObject({ operstate: 'up', carrier: '1' });
    expect(k['ipi-tap0']).toMatchObject({ operstate: 'down', carrier: '0' }); // up, nobody opened the tap
    expect(k.lo).toMatchObject({ linkType: 'loopback', arpType: ARPHRD_LOOPBACK, carrier: '1' });
    expect(new Set(kernel.map((i) => i.mtu)).size).toBe(kernel.length);
    expect(kernel.every((i) => i.name === 'lo' || /^02:11:22:33:44:0\d$/.test(i.address))).toBe(true);
    expect(kernel.some((i) => i.ifindex === MISSING_INDEX)).toBe(false);
    for (const i of kernel) {
      expect(WINE_TYPE[i.arpType], `${i.name}: ARPHRD ${i.arpType}`).toBeDefined();
      expect((i.sysFlags & IFF_UP) !== 0, i.name).toBe(i.ipFlags.includes('UP'));
    }
  });

  it("getIfTable2 lists exactly the kernel's interfaces; alias and description are both the Linux name", () => {
    expect(rows.map((r) => r.alias).sort()).toEqual(kernel.map((k) => k.name).sort());
    for (const k of kernel) {
      // Windows: alias "Ethernet 2", description the driver's name; Wine has only the Linux name for both.
      expect(rowOf(k.name).description, k.name).toBe(k.name);
    }
  });

  it('index, LUID and GUID derive from the kernel ifindex and link type', () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      const ifType = WINE_TYPE[k.arpType]!.ifType;
      expect(row.interfaceIndex, k.name).toBe(k.ifindex);
      // NET_LUID: IfType in bits 48-63, NetLuidIndex in 24-47 — Wine uses the ifindex as NetLuidIndex.
      expect(BigInt(row.interfaceLuid), k.name).toBe((BigInt(ifType) << 48n) | (BigInt(k.ifindex) << 24n));
      expect(row.interfaceGuid, k.name).toBe(guidOf(k.ifindex));
      expect(row.networkGuid, k.name).toBe('{00000000-0000-0000-0000-000000000000}'); // Wine: always zero
    }
  });

  it('MTU, MAC address, its length and the interface type come from the kernel', () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      const wine = WINE_TYPE[k.arpType]!;
      const length = wine.addrLen(k.addrLen);
      const mac = length === 0 ? '' : k.address.toLowerCase();
      expect(row.mtu, k.name).toBe(k.mtu);
      expect(row.type, k.name).toBe(wine.ifType);
      expect(row.physicalAddressLength, k.name).toBe(length);
      expect(row.physicalAddress, k.name).toBe(mac);
      // Wine copies the current address into the permanent one (Windows: the burned-in address).
      expect(row.permanentPhysicalAddress, k.name).toBe(mac);
    }
    expect(rowOf('lo')).toMatchObject({ physicalAddressLength: 0, physicalAddress: '', type: 24 });
  });

  it("operStatus follows IFF_UP alone; adminStatus is always 'up'", () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      // Wine 8 reads only IFF_UP (SIOCGIFFLAGS): an interface that is up without carrier
      // (kernel operstate lowerlayerdown / down) is still 'up'. Windows would say 'lowerLayerDown' or 'down'.
      expect(row.operStatus, k.name).toBe((k.sysFlags & IFF_UP) !== 0 ? 'up' : 'down');
      // Wine hard-codes MIB_IF_ADMIN_STATUS_UP, even for an interface the kernel has down.
      expect(row.adminStatus, k.name).toBe('up');
    }
    expect(rowOf('ipi-veth0').operStatus).toBe('up'); // kernel: lowerlayerdown
    expect(rowOf('ipi-tap0').operStatus).toBe('up'); // kernel: down (no carrier)
    expect(rowOf('ipi-veth1').operStatus).toBe('down');
  });

  it('mediaConnectState follows /sys/class/net/NAME/carrier', () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      // '1' → connected; '0' → disconnected; unreadable (EINVAL while down: Wine opens the
      // file but reads nothing) → disconnected, not unknown.
      expect(row.mediaConnectState, k.name).toBe(k.carrier === '1' ? 'connected' : 'disconnected');
      // Wine never sets NotMediaConnected, even when disconnected (Windows does).
      expect(row.interfaceAndOperStatusFlags.notMediaConnected, k.name).toBe(false);
    }
  });

  it("the members Wine 8 fills with fixed values (from the kernel's link type only)", () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      const loopback = k.arpType === ARPHRD_LOOPBACK;
      expect(row.accessType, k.name).toBe(loopback ? 'loopback' : 'broadcast');
      // Wine marks every non-loopback interface as hardware with a connector — veth, bridge and
      // tap included (on Windows virtual adapters have HardwareInterface = false).
      expect(row.interfaceAndOperStatusFlags, k.name).toEqual({
        hardwareInterface: !loopback,
        filterInterface: false,
        connectorPresent: !loopback,
        notAuthenticated: false,
        notMediaConnected: false,
        paused: false,
        lowPower: false,
        endPointInterface: false,
      });
      expect(row, k.name).toMatchObject({
        tunnelType: 0, // TUNNEL_TYPE_NONE
        mediaType: 0, // NdisMedium802_3 (Wine: 0 for every interface, loopback included)
        physicalMediumType: 0, // NdisPhysicalMediumUnspecified
        directionType: 'sendReceive',
        connectionType: 'dedicated',
        // Wine 8.0 leaves the link speed 0 on Linux (later Wine versions report 1000000).
        transmitLinkSpeed: '0',
        receiveLinkSpeed: '0',
      });
    }
  });

  it("counters are the kernel's /proc/net/dev, between the values captured before and after the program", () => {
    for (const k of kernel) {
      const row = rowOf(k.name);
      const before = run.before.dev[k.name]!;
      const after = run.after.dev[k.name]!;
      for (const [member, column] of Object.entries(COUNTERS)) {
        const value = BigInt(row[member] as string);
        const [lo, hi] = [column(before), column(after)];
        if (lo === hi) expect(value, `${k.name}.${member}`).toBe(lo);
        else expect(value >= lo && value <= hi, `${k.name}.${member}: ${value} not in [${lo}, ${hi}]`).toBe(true);
      }
      for (const member of ZERO_COUNTERS) expect(row[member], `${k.name}.${member}`).toBe('0');
    }
    // not vacuous: the script sent a datagram on lo before the program ran
    expect(run.before.dev.lo!.rx.packets).toBeGreaterThan(0n);
    expect(BigInt(rowOf('lo').inUcastPkts as string)).toBeGreaterThan(0n);
  });

  it('getIfTable2Async lists the same rows', () => {
    expect(run.report.tableAsync.error).toBeUndefined();
    const asyncRows = run.report.tableAsync.ok!;
    expect(asyncRows.map(withoutCounters)).toEqual(rows.map(withoutCounters));
  });

  it('getIfEntry2 by index and by LUID, sync and async, gives the table row (counters aside)', () => {
    expect(run.report.entries.map((e) => e.index).sort((a, b) => a - b)).toEqual(kernel.map((k) => k.ifindex).sort((a, b) => a - b));
    for (const entry of run.report.entries) {
      const row = rows.find((r) => r.interfaceIndex === entry.index)!;
      for (const way of ['byIndex', 'byLuid', 'byIndexAsync', 'byLuidAsync'] as const) {
        expect(entry[way].error, `${row.alias} ${way}`).toBeUndefined();
        expect(withoutCounters(entry[way].ok!), `${row.alias} ${way}`).toEqual(withoutCounters(row));
      }
    }
  });

  it('an interface the kernel does not have is ERROR_FILE_NOT_FOUND (errno 2), by index and by LUID, sync and async', () => {
    for (const attempt of [run.report.missingIndex, run.report.missingIndexAsync, run.report.missingLuid]) {
      expect(attempt.ok).toBeUndefined();
      expect(attempt.error).toMatchObject({ name: 'IpHelperError', code: 'ERROR_FILE_NOT_FOUND', errno: 2, syscall: 'GetIfEntry2' });
    }
  });
});
