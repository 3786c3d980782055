#!/usr/bin/env bash
# Regenerates the C-made fixtures: compiles fixtures/c/*.c with MinGW against the
# real Windows headers and runs them under Wine.
#
#   scripts/gen-fixtures.sh            rewrite fixtures/c/layout.json, fixtures/c/tables/
#                                      and fixtures/c/structs/{MIB_IF_ROW2,MIB_UNICASTIPADDRESS_ROW,
#                                      MIB_IPFORWARD_ROW2,MIB_IPNET_ROW2,MIB_TCPROW_OWNER_PID,
#                                      MIB_TCP6ROW_OWNER_PID,MIB_UDPROW_OWNER_PID,
#                                      MIB_UDP6ROW_OWNER_PID,MIB_TCPROW}/
#   scripts/gen-fixtures.sh --check    regenerate into a temporary folder and fail if
#                                      anything differs from the committed files
#   scripts/gen-fixtures.sh --arch ia32 [--check]
#                                      the same programs built by i686 MinGW and run by 32-bit
#                                      Wine: every row and table byte must equal the committed
#                                      (x86-64) fixtures, since the IP Helper rows have one layout
#                                      on both; only the pointer size differs, in layout-ia32.json
#
# fixtures/c/adapters.c (GetAdaptersAddresses buffers: real pointers, so they differ per
# architecture) writes fixtures/c/adapters/<arch>/: the x64 run writes (or with --check compares)
# fixtures/c/adapters/x64/, the ia32 run its own fixtures/c/adapters/ia32/; never one against the other.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
src="$repo_root/fixtures/c"

check=0
arch=x64
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --arch) arch="${2:-}"; shift ;;
    *) echo "gen-fixtures: unknown argument '$1' (--check, --arch x64|ia32)" >&2; exit 2 ;;
  esac
  shift
done
case "$arch" in
  x64) cc="${MINGW_CC:-x86_64-w64-mingw32-gcc}"; run="$WINE64"; layout_json=layout.json; pkg=gcc-mingw-w64-x86-64-win32 ;;
  ia32) cc="${MINGW_CC_IA32:-i686-w64-mingw32-gcc}"; run="$WINE32"; layout_json=layout-ia32.json; pkg=gcc-mingw-w64-i686-win32
    [ -n "$run" ] || { echo "gen-fixtures: 32-bit Wine (/usr/lib/wine/wine) not found (bash scripts/install-wine32.sh STATUS_FILE)" >&2; exit 1; } ;;
  *) echo "gen-fixtures: unknown architecture '$arch' (x64 or ia32)" >&2; exit 2 ;;
esac
command -v "$cc" >/dev/null || { echo "gen-fixtures: $cc not found (apt-get install $pkg)" >&2; exit 1; }
command -v wine >/dev/null || { echo "gen-fixtures: wine not found (apt-get install wine wine64)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/out"
net_structs=(MIB_UNICASTIPADDRESS_ROW MIB_IPFORWARD_ROW2 MIB_IPNET_ROW2) # written by tables-net.c
tcp_structs=(MIB_TCPROW_OWNER_PID MIB_TCP6ROW_OWNER_PID MIB_UDPROW_OWNER_PID MIB_UDP6ROW_OWNER_PID MIB_TCPROW) # tables-tcp.c
# writes.c's rows (write-route-*, write-address-*) go beside tables-net.c's, in folders of net_structs,
# so every comparison below (the x64 --check and every ia32 run) covers them too.
writes_structs=(MIB_IPFORWARD_ROW2 MIB_UNICASTIPADDRESS_ROW)
adapters_dir="adapters/$arch" # written by adapters.c; one folder per architecture
mkdir -p "$out/tables" "$out/structs/MIB_IF_ROW2" "$out/$adapters_dir"
for s in "${net_structs[@]}" "${tcp_structs[@]}" "${writes_structs[@]}"; do mkdir -p "$out/structs/$s"; done
for s in "${writes_structs[@]}"; do
  [[ " ${net_structs[*]} " == *" $s "* ]] || { echo "gen-fixtures: $s (written by writes.c) must be in net_structs to be copied and checked" >&2; exit 1; }
done

cflags=(-std=c11 -O1 -Wall -Wextra -Werror -static)
"$cc" "${cflags[@]}" -o "$work/layout.exe" "$src/layout.c"
"$cc" "${cflags[@]}" -o "$work/tables.exe" "$src/tables.c"
"$cc" "${cflags[@]}" -o "$work/tables-if2.exe" "$src/tables-if2.c"
"$cc" "${cflags[@]}" -o "$work/tables-net.exe" "$src/tables-net.c"
"$cc" "${cflags[@]}" -o "$work/tables-tcp.exe" "$src/tables-tcp.c"
"$cc" "${cflags[@]}" -o "$work/writes.exe" "$src/writes.c"
"$cc" "${cflags[@]}" -o "$work/adapters.exe" "$src/adapters.c"

# Windows programs under Wine: give them files, not pipes, for stdout/stderr.
(cd "$out" && "$run" "$work/layout.exe" layout.json >"$work/layout.log" 2>&1) || { cat "$work/layout.log" >&2; exit 1; }
(cd "$out/tables" && "$run" "$work/tables.exe" >"$work/tables.log" 2>&1) || { cat "$work/tables.log" >&2; exit 1; }
(cd "$out/structs/MIB_IF_ROW2" && "$run" "$work/tables-if2.exe" >"$work/tables-if2.log" 2>&1) || { cat "$work/tables-if2.log" >&2; exit 1; }
(cd "$out/structs" && "$run" "$work/tables-net.exe" >"$work/tables-net.log" 2>&1) || { cat "$work/tables-net.log" >&2; exit 1; }
(cd "$out/structs" && "$run" "$work/tables-tcp.exe" >"$work/tables-tcp.log" 2>&1) || { cat "$work/tables-tcp.log" >&2; exit 1; }
# The rows route and address writes are compared with (MIB_IPFORWARD_ROW2/write-route-*,
# MIB_UNICASTIPADDRESS_ROW/write-address-*: written beside tables-net.c's rows).
(cd "$out/structs" && "$run" "$work/writes.exe" >"$work/writes.log" 2>&1) || { cat "$work/writes.log" >&2; exit 1; }
(cd "$out/$adapters_dir" && "$run" "$work/adapters.exe" >"$work/adapters.log" 2>&1) || { cat "$work/adapters.log" >&2; exit 1; }

if [ "$check" = 1 ] || [ "$arch" != x64 ]; then
  # The rows' bytes are the x86-64 ones on every architecture: an ia32 run only ever checks them.
  status=0
  if [ "$check" = 1 ]; then diff -u "$src/$layout_json" "$out/layout.json" || status=1; fi
  diff -r -u "$src/tables" "$out/tables" || status=1
  diff -r -u "$src/structs/MIB_IF_ROW2" "$out/structs/MIB_IF_ROW2" || status=1
  for s in "${net_structs[@]}" "${tcp_structs[@]}"; do diff -r -u "$src/structs/$s" "$out/structs/$s" || status=1; done
  # The adapters fixtures are per architecture: compared with this architecture's own folder, only with --check.
  if [ "$check" = 1 ]; then diff -r -u "$src/$adapters_dir" "$out/$adapters_dir" || status=1; fi
  if [ "$status" != 0 ]; then
    echo "gen-fixtures: the committed fixtures differ from what fixtures/c/*.c generates ($arch); run scripts/gen-fixtures.sh and commit" >&2
    exit 1
  fi
  if [ "$check" = 0 ]; then
    cp "$out/layout.json" "$src/$layout_json"
    rm -rf "${src:?}/$adapters_dir"
    mkdir -p "$src/adapters"
    cp -r "$out/$adapters_dir" "$src/$adapters_dir"
    echo "gen-fixtures: wrote fixtures/c/$layout_json and fixtures/c/$adapters_dir/"
  fi
  net_files=0
  for s in "${net_structs[@]}"; do net_files=$((net_files + $(ls "$out/structs/$s" | wc -l))); done
  tcp_files=0
  for s in "${tcp_structs[@]}"; do tcp_files=$((tcp_files + $(ls "$out/structs/$s" | wc -l))); done
  adapters_note=""
  if [ "$check" = 1 ]; then adapters_note=", $(ls "$out/$adapters_dir" | wc -l) $adapters_dir files"; fi
  echo "gen-fixtures: committed fixtures match a fresh $arch build ($(ls "$out/tables" | wc -l) table files, $(ls "$out/structs/MIB_IF_ROW2" | wc -l) MIB_IF_ROW2 files, $net_files address/route/neighbour files, $tcp_files connection files + $layout_json$adapters_note)"
else
  cp "$out/layout.json" "$src/layout.json"
  rm -rf "$src/tables"
  cp -r "$out/tables" "$src/tables"
  rm -rf "$src/structs/MIB_IF_ROW2"
  mkdir -p "$src/structs"
  cp -r "$out/structs/MIB_IF_ROW2" "$src/structs/MIB_IF_ROW2"
  for s in "${net_structs[@]}" "${tcp_structs[@]}"; do
    rm -rf "$src/structs/$s"
    cp -r "$out/structs/$s" "$src/structs/$s"
  done
  rm -rf "${src:?}/$adapters_dir"
  mkdir -p "$src/adapters"
  cp -r "$out/$adapters_dir" "$src/$adapters_dir"
  echo "gen-fixtures: wrote fixtures/c/layout.json, fixtures/c/tables/, fixtures/c/structs/ (MIB_IF_ROW2 ${net_structs[*]} ${tcp_structs[*]}) and fixtures/c/$adapters_dir/"
fi
