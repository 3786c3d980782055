# Sourced by the scripts that run Windows programs under Wine.
# The prefix lives in the ignored .cache/ folder of the clone, never in git.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One loader per architecture. With wine32 installed, Debian's `wine` launcher runs the 32-bit
# loader, and a SIGINT sent to it no longer reaches a 64-bit program (see the notes): 64-bit
# programs start with wine64, 32-bit ones with /usr/lib/wine/wine.
if [ -x /usr/lib/wine/wine64 ]; then WINE64=/usr/lib/wine/wine64; else WINE64=wine; fi
if [ -x /usr/lib/wine/wine ]; then WINE32=/usr/lib/wine/wine; else WINE32=; fi
export WINE64 WINE32
# The prefix is keyed by Wine's setup: a prefix made before wine32 was installed fails to start
# afterwards ("could not load kernel32.dll, status c0000135"; see the notes).
wine_setup_key() {
  local version
  version="$("$WINE64" --version 2>/dev/null | head -n 1 | tr -cs 'A-Za-z0-9.' '-' | sed 's/-$//')"
  echo "${version:-wine-unknown}-$([ -n "$WINE32" ] && echo wow64 || echo win64)"
}
export WINEPREFIX="${IPINTERFACE_WINEPREFIX:-$repo_root/.cache/wine-prefixes/$(wine_setup_key)}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEARCH=win64
mkdir -p "$WINEPREFIX"
