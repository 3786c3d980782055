# Sourced by the scripts that run Windows programs under Wine.
# The prefix lives in the ignored .cache/ folder of the clone, never in git.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WINEPREFIX="${IPINTERFACE_WINEPREFIX:-$repo_root/.cache/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEARCH=win64
mkdir -p "$WINEPREFIX"
# The 64-bit loader for 64-bit programs. With wine32 installed, Debian's `wine` launcher runs the
# 32-bit loader, and a SIGINT sent to it no longer reaches a 64-bit program (see the notes).
if [ -x /usr/lib/wine/wine64 ]; then WINE64=/usr/lib/wine/wine64; else WINE64=wine; fi
export WINE64
