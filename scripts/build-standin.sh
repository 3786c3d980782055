#!/usr/bin/env bash
# Builds the stand-in iphlpapi.dll (fixtures/c/standin-iphlpapi.c) and the C
# benchmark loop with MinGW, into .cache/win/standin/ next to a hard link of the
# Windows node.exe, so that WINEDLLOVERRIDES=iphlpapi=n,b loads the stand-in.
# Run scripts/prepare-windows-node.sh first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
src="$repo_root/fixtures/c"
out="$repo_root/.cache/win/standin"
cc="${MINGW_CC:-x86_64-w64-mingw32-gcc}"
mkdir -p "$out"
cflags=(-std=c11 -O2 -Wall -Wextra -Werror)
"$cc" "${cflags[@]}" -shared -static-libgcc -o "$out/iphlpapi.dll" "$src/standin-iphlpapi.c"
if [ -f "$src/bench-loop.c" ]; then
  "$cc" "${cflags[@]}" -static -o "$out/bench-loop.exe" "$src/bench-loop.c"
fi
ln -f "$repo_root/.cache/win/node/node.exe" "$out/node.exe" 2>/dev/null || cp "$repo_root/.cache/win/node/node.exe" "$out/node.exe"
echo "build-standin: $out/iphlpapi.dll"
