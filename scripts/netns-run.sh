#!/usr/bin/env bash
# The real-system tier: runs a Windows Node program under Wine's *built-in*
# iphlpapi.dll inside a private network namespace whose network this script
# builds, and captures the Linux kernel's own view of that network before and
# after the program, as the independent expected answer.
#
#   bash scripts/netns-run.sh OUTDIR PROGRAM.cjs [PROGRAM ARGS...]    (as root)
#
# Writes into OUTDIR:
#   report.json               the program's report (its argv[2])
#   node.stdout, node.stderr  node.exe's output (files: with pipes Windows Node dies)
#   node.rc                   node.exe's exit code (124: killed by the timeout)
#   kernel-before/, kernel-after/   the kernel's view (see capture_kernel)
#   timing.txt                milliseconds since the start, at the end of each phase
#
# Why each step (see also the project notes on the Windows ABI):
#   - `unshare --net --mount`: a namespace holding only what setup_network adds.
#     Nothing leaves it; it disappears when its last process ends.
#   - a fresh sysfs on /sys inside the (private) mount namespace: /sys/class/net
#     otherwise still shows the *host's* interfaces — and Wine reads each
#     interface's carrier from /sys/class/net/NAME/carrier.
#   - a Wine prefix of its own and no wineserver running for it before we start:
#     a Wine process joins the server already running for its prefix, and the
#     service that reads the network (nsiproxy in winedevice.exe) runs wherever
#     that server was started. After the program `wineserver -k`, so nothing
#     started in the namespace lingers (and the namespace ends).
#
#   route-get/NAME.json       `ip -j route get DST` for each entry of route_gets
#                             (NAME.error: ip's message when the kernel has no route)
#   ss-tcp.txt, ss-udp.txt    `ss -Htan` / `ss -Huan`: the kernel's sockets
#   resolv.conf               the resolver file bind-mounted over /etc/resolv.conf inside the namespace
#
# IPINTERFACE_NETNS_HELPER: a Linux command started in the background once the network is up
# (with a ready file as its last argument), before the program runs, and stopped after it: the
# connection tier's socket holder (test/wine/programs/sockets.mjs). The script waits for the file.
#
# Extending it: add `ip …` lines to setup_network / setup_addresses_routes_neighbours
# and lines to `captures` or `route_gets`.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
self="$repo_root/scripts/netns-run.sh"

if [ $# -lt 2 ]; then
  echo "usage: $0 OUTDIR PROGRAM.cjs [ARGS...]" >&2
  exit 2
fi

export WINEPREFIX="${IPINTERFACE_NETNS_WINEPREFIX:-$repo_root/.cache/wine-prefix-netns}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEARCH=win64
# Wine's own iphlpapi.dll, never a stand-in that may lie beside some node.exe.
export WINEDLLOVERRIDES="iphlpapi=b"
NODE_EXE="${IPINTERFACE_NETNS_NODE:-$repo_root/.cache/win/node/node.exe}"
NODE_TIMEOUT="${IPINTERFACE_NETNS_TIMEOUT:-45}"
# The loader for node.exe's architecture (IPINTERFACE_NETNS_WINE=/usr/lib/wine/wine for the 32-bit
# node.exe). With wine32 installed, Debian's `wine` runs the 32-bit loader; a 64-bit node.exe
# starts with wine64.
if [ -n "${IPINTERFACE_NETNS_WINE:-}" ]; then WINE="$IPINTERFACE_NETNS_WINE"
elif [ -x /usr/lib/wine/wine64 ]; then WINE=/usr/lib/wine/wine64; else WINE=wine; fi

# ---------------------------------------------------------------------------
# The network. Everything here is inside the namespace.
# ---------------------------------------------------------------------------
setup_network() {
  ip link set lo up

  # A veth pair with one end down: the up end has no carrier (operstate LOWERLAYERDOWN).
  ip link add ipi-veth0 type veth peer name ipi-veth1
  ip link set ipi-veth0 mtu 1400 address 02:11:22:33:44:01
  ip link set ipi-veth1 mtu 9000 address 02:11:22:33:44:02
  ip link set ipi-veth0 up

  # A veth pair with both ends up (carrier, operstate UP); one end is a port of the bridge.
  ip link add ipi-veth2 type veth peer name ipi-veth3
  ip link set ipi-veth2 mtu 1450 address 02:11:22:33:44:03
  ip link set ipi-veth3 mtu 1460 address 02:11:22:33:44:04

  # A bridge (no STP, no forwarding delay: its port forwards, so it has carrier at once).
  ip link add ipi-br0 type bridge stp_state 0 forward_delay 0
  ip link set ipi-br0 address 02:11:22:33:44:05
  ip link set ipi-veth3 master ipi-br0
  ip link set ipi-br0 mtu 1280

  # A tap nobody has opened: up, but no carrier (operstate DOWN).
  ip tuntap add ipi-tap0 mode tap
  ip link set ipi-tap0 mtu 1500 address 02:11:22:33:44:06

  ip link set ipi-veth2 up
  ip link set ipi-veth3 up
  ip link set ipi-br0 up
  ip link set ipi-tap0 up

  # Known traffic, so the counters are not all 0: one UDP datagram on lo to the discard
  # port (lo got 127.0.0.1 when it came up; the kernel answers with an ICMP port unreachable).
  echo ipinterface > /dev/udp/127.0.0.1/9

  # Let carrier/operstate settle (link watch runs asynchronously in the kernel).
  local i
  for i in $(seq 50); do
    [ "$(cat /sys/class/net/ipi-br0/carrier 2>/dev/null)" = 1 ] && [ "$(cat /sys/class/net/ipi-veth2/operstate)" = up ] && break
    sleep 0.1
  done

  setup_addresses_routes_neighbours
}

# Addresses, routes and permanent neighbours (test/wine/realsystem-net.test.ts).
# The route metrics are chosen so that reading the kernel's decimal metric as
# hex (what Wine 8 does) changes most of them: 7 → 7, 15 → 21, 20 → 32, 30 → 48, 100 → 256.
setup_addresses_routes_neighbours() {
  # IPv4 on the up veth end with carrier and on the bridge; a second IPv4 on the veth.
  ip addr add 10.71.0.2/24 dev ipi-veth2
  ip addr add 10.71.8.2/28 dev ipi-veth2
  ip addr add 192.0.2.10/24 dev ipi-br0
  # IPv4 on an interface without carrier (veth0: its peer is down): the kernel marks its routes linkdown.
  ip addr add 172.31.71.2/16 dev ipi-veth0
  # Global IPv6, no duplicate address detection: preferred at once.
  ip -6 addr add 2001:db8:71::2/64 dev ipi-veth2 nodad
  ip -6 addr add 2001:db8:72::10/56 dev ipi-br0 nodad

  # IPv4 routes with chosen metrics (the kernel's connected routes have metric 0).
  ip route add 198.51.100.0/24 via 10.71.0.1 dev ipi-veth2 metric 7
  ip route add 198.51.100.0/24 via 192.0.2.1 dev ipi-br0 metric 9    # same prefix, worse metric: not chosen
  ip route add 203.0.113.9/32 via 192.0.2.1 dev ipi-br0 metric 15     # a host route
  ip route add 203.0.113.50/32 dev ipi-veth2 metric 3                  # a host route without gateway
  ip route add 203.0.113.0/24 dev ipi-veth2 metric 100                  # on-link, no gateway
  ip route add default via 10.71.0.1 dev ipi-veth2 metric 20
  ip route add default via 192.0.2.1 dev ipi-br0 metric 30
  # IPv6 routes (Wine 8 reads none of them).
  ip -6 route add 2001:db8:99::/48 via 2001:db8:71::1 dev ipi-veth2 metric 5

  # Permanent neighbours: two IPv4, one IPv6.
  ip neigh add 10.71.0.5 lladdr 02:aa:bb:cc:dd:05 dev ipi-veth2 nud permanent
  ip neigh add 192.0.2.20 lladdr 02:aa:bb:cc:dd:14 dev ipi-br0 nud permanent
  ip -6 neigh add 2001:db8:71::5 lladdr 02:aa:bb:cc:dd:06 dev ipi-veth2 nud permanent

  # The kernel adds IPv6 link-local addresses (with DAD) once a link has carrier:
  # wait until none is tentative any more, so the view stays put while the program runs.
  local i ifname ready
  for i in $(seq 50); do
    ready=1
    for ifname in ipi-veth2 ipi-veth3 ipi-br0; do
      ip -6 addr show dev "$ifname" scope link | grep -q inet6 || ready=0
    done
    [ "$ready" = 1 ] && [ -z "$(ip -6 addr show tentative)" ] && break
    sleep 0.1
  done
}

# Destinations of `ip -j route get` captures: "NAME DESTINATION [ip route get options]".
route_gets=(
  "specific 198.51.100.20"      # 198.51.100.0/24 metric 7 via 10.71.0.1 (not the metric 9 one via the bridge)
  "host 203.0.113.9"            # the /32 via 192.0.2.1
  "host-onlink 203.0.113.50"    # the /32 without gateway (inside 203.0.113.0/24: the longer prefix wins)
  "onlink-route 203.0.113.77"   # 203.0.113.0/24 dev ipi-veth2, no gateway
  "default 198.18.0.1"          # only the default routes match: metric 20 via 10.71.0.1
  "connected 192.0.2.77"        # the bridge's own subnet, on-link
  "connected2 10.71.0.9"        # the veth's subnet, on-link
  "connected3 10.71.8.5"        # the veth's second subnet: the kernel sends from 10.71.8.2
  "linkdown 172.31.5.5"         # on-link on ipi-veth0, which has no carrier (route flagged linkdown)
  "loopback 127.0.0.1"          # the local table (not in /proc/net/route)
  "default-br 198.18.0.1 oif ipi-br0"   # restricted to the bridge: its default route (metric 30)
  "v6-connected 2001:db8:71::9" # kernel: on-link; Wine: no IPv6 routes
  "v6-unreachable 2001:db8:4242::1"     # no IPv6 route at all (kernel: unreachable)
)

# What to capture from the kernel: "NAME COMMAND…", stdout to NAME.json.
captures=(
  "link ip -j -d link show"
  "addr ip -j addr show"
  "route ip -j route show table main"
  "route6 ip -j -6 route show table main"
  "neigh ip -j neigh show"
)

# /sys/class/net/NAME/ATTR for each interface → sys/NAME/ATTR; an unreadable
# attribute (carrier of a down interface: EINVAL) → ATTR.error with the message.
sys_attrs=(ifindex iflink mtu address addr_len operstate carrier type flags)

capture_kernel() { # capture_kernel DIR
  local dir="$1" spec name cmd ifdir ifname attr
  mkdir -p "$dir/sys"
  for spec in "${captures[@]}"; do
    name="${spec%% *}"; cmd="${spec#* }"
    $cmd > "$dir/$name.json"
  done
  # route-get/NAME.json, or route-get/NAME.error with ip's message when the kernel has no route.
  mkdir -p "$dir/route-get"
  for spec in "${route_gets[@]}"; do
    name="${spec%% *}"
    if ip -j route get ${spec#* } > "$dir/route-get/$name.json" 2> "$dir/route-get/$name.error"; then
      rm -f "$dir/route-get/$name.error"
    else
      rm -f "$dir/route-get/$name.json"
    fi
  done
  for ifdir in /sys/class/net/*/; do
    ifname="$(basename "$ifdir")"
    mkdir -p "$dir/sys/$ifname"
    for attr in "${sys_attrs[@]}"; do
      cat "$ifdir$attr" > "$dir/sys/$ifname/$attr" 2> "$dir/sys/$ifname/$attr.error" \
        && rm -f "$dir/sys/$ifname/$attr.error" || rm -f "$dir/sys/$ifname/$attr"
    done
  done
  cat /proc/net/dev > "$dir/proc-net-dev.txt"
  ss -Htan > "$dir/ss-tcp.txt"
  ss -Huan > "$dir/ss-udp.txt"
}

stop_wineserver() { # no server for the prefix afterwards (errors: there was none)
  timeout 20 wineserver -k >/dev/null 2>&1 || true
  timeout 20 wineserver -w >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------------------
# Outside: enter a fresh network + mount namespace, one run at a time per prefix.
# ---------------------------------------------------------------------------
if [ "${IPINTERFACE_NETNS_INSIDE:-}" != 1 ]; then
  if [ "$(id -u)" != 0 ]; then echo "netns-run: needs root (unshare --net)" >&2; exit 3; fi
  mkdir -p "$(dirname "$WINEPREFIX")"
  exec 9>"$WINEPREFIX.lock"
  flock -w 180 9 || { echo "netns-run: $WINEPREFIX is in use by another run" >&2; exit 4; }
  # A server for this prefix started outside would serve the namespace's programs with the host's network.
  stop_wineserver
  rc=0
  IPINTERFACE_NETNS_INSIDE=1 unshare --net --mount --propagation private bash "$self" "$@" 9>&- || rc=$?
  stop_wineserver
  exit $rc
fi

# ---------------------------------------------------------------------------
# Inside the namespace.
# ---------------------------------------------------------------------------
out="$(mkdir -p "$1" && cd "$1" && pwd)"; shift
program="$1"; shift
t0=$(date +%s%N)
phase() { echo "$1 $(( ($(date +%s%N) - t0) / 1000000 ))" >> "$out/timing.txt"; } # ms since start
: > "$out/timing.txt"

mount -t sysfs sysfs /sys
trap stop_wineserver EXIT

# DNS: Wine's GetAdaptersAddresses reads the servers and the search suffix from /etc/resolv.conf.
# A file of our own over it (the mount namespace is private: the host's file is untouched), kept
# in OUTDIR as the expected answer (test/wine/realsystem-adapters.test.ts).
cat > "$out/resolv.conf" <<'RESOLV'
# written by scripts/netns-run.sh for the real-system tier
nameserver 10.71.0.53
nameserver 2001:db8:71::53
nameserver 192.0.2.53
search corp.example lab.example
RESOLV
if [ -e /etc/resolv.conf ]; then mount --bind "$out/resolv.conf" /etc/resolv.conf
else echo "netns-run: no /etc/resolv.conf to bind-mount over (the DNS checks will fail)" >&2; fi

setup_network
phase setup

helper_pid=""
if [ -n "${IPINTERFACE_NETNS_HELPER:-}" ]; then
  $IPINTERFACE_NETNS_HELPER "$out/helper.ready" > "$out/helper.log" 2>&1 &
  helper_pid=$!
  for i in $(seq 200); do [ -s "$out/helper.ready" ] && break; kill -0 "$helper_pid" 2>/dev/null || break; sleep 0.05; done
  [ -s "$out/helper.ready" ] || { echo "netns-run: the helper did not get ready: $(cat "$out/helper.log")" >&2; exit 5; }
fi
trap 'stop_wineserver; [ -n "$helper_pid" ] && kill "$helper_pid" 2>/dev/null; true' EXIT

# The prefix, keyed by Wine's setup (a prefix made by another Wine build can fail to start).
key="$("$WINE" --version 2>/dev/null) launcher=$WINE wine32=$([ -x /usr/lib/wine/wine ] && echo yes || echo no)"
stop_wineserver
if [ "$(cat "$WINEPREFIX/.ipinterface-netns" 2>/dev/null)" != "$key" ]; then
  rm -rf "$WINEPREFIX" && mkdir -p "$WINEPREFIX"
  # Node 22 refuses to start while Wine reports an old Windows version.
  timeout 120 "$WINE" winecfg -v win10 >/dev/null 2>&1 || true
  stop_wineserver
  echo "$key" > "$WINEPREFIX/.ipinterface-netns"
  phase prefix
fi

capture_kernel "$out/kernel-before"
phase before

set +e
(cd "$repo_root" && timeout -k 5 "$NODE_TIMEOUT" "$WINE" "$NODE_EXE" "$program" "$out/report.json" "$@" \
  > "$out/node.stdout" 2> "$out/node.stderr" < /dev/null)
echo $? > "$out/node.rc"
set -e
phase node

capture_kernel "$out/kernel-after"
stop_wineserver
phase after
