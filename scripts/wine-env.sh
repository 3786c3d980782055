# Sourced by the scripts that run Windows programs under Wine.
# The prefix lives in the ignored .cache/ folder of the clone, never in git.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WINEPREFIX="${IPINTERFACE_WINEPREFIX:-$repo_root/.cache/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEARCH=win64
mkdir -p "$WINEPREFIX"
