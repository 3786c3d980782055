#!/usr/bin/env bash
# Builds the stand-in iphlpapi.dll (fixtures/c/standin-iphlpapi.c) and the C
# benchmark loop with MinGW for one architecture, next to a hard link of that
# architecture's Windows node.exe, so that WINEDLLOVERRIDES=iphlpapi=n,b loads the stand-in:
#
#   bash scripts/build-standin.sh [x64|ia32]   → .cache/win/standin/ or .cache/win-ia32/standin/
#
# For ia32, `-Wl,--kill-at` exports the __stdcall functions undecorated (GetIfTable2, not
# GetIfTable2@4), as Windows DLLs do. Run scripts/prepare-windows-node.sh ARCH first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
arch="${1:-x64}"
case "$arch" in
  x64) cc="${MINGW_CC:-x86_64-w64-mingw32-gcc}"; win="$repo_root/.cache/win"; ldflags=() ;;
  ia32) cc="${MINGW_CC_IA32:-i686-w64-mingw32-gcc}"; win="$repo_root/.cache/win-ia32"; ldflags=(-Wl,--kill-at) ;;
  *) echo "build-standin: unknown architecture '$arch' (x64 or ia32)" >&2; exit 2 ;;
esac
src="$repo_root/fixtures/c"
out="$win/standin"
mkdir -p "$out"
cflags=(-std=c11 -O2 -Wall -Wextra -Werror)
"$cc" "${cflags[@]}" -shared -static-libgcc "${ldflags[@]}" -o "$out/iphlpapi.dll" "$src/standin-iphlpapi.c"
if [ -f "$src/bench-loop.c" ]; then
  "$cc" "${cflags[@]}" -static -o "$out/bench-loop.exe" "$src/bench-loop.c"
fi
ln -f "$win/node/node.exe" "$out/node.exe" 2>/dev/null || cp "$win/node/node.exe" "$out/node.exe"
echo "build-standin: $out/iphlpapi.dll ($arch)"
