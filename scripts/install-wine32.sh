#!/usr/bin/env bash
# Installs 32-bit Wine (wine32:i386) beside the 64-bit wine64, for the ia32 Wine tier.
#
#   bash scripts/install-wine32.sh STATUS_FILE
#
# Exits 0 once /usr/lib/wine/wine (the 32-bit loader) is installed. Otherwise exits 1 and writes
# one line to STATUS_FILE saying why; the test summary prints it as the reason the ia32 tier did
# not run. Never removes wine64.
#
# First the plain install, as the notes give it. If that cannot resolve, apt's lists are read again
# without the `-security` suite (on 2026-11-24..26 that suite's i386 index on the mirror was out of
# step with its signed Release file, and multi-arch libraries must have equal versions on amd64 and
# i386), and amd64 libraries that would otherwise be removed are set to the version both
# architectures have there. Every package still comes from Debian's signed indexes.
set -uo pipefail
status_file="${1:?usage: install-wine32.sh STATUS_FILE}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log="$(mktemp)"
trap 'rm -rf "$log" "${alt:-}"' EXIT
say() { echo "install-wine32: $*"; }
fail() { say "$1"; printf '%s\n' "$1" > "$status_file"; exit 1; }
succeed() { rm -f "$status_file"; say "$1"; exit 0; }
installed() { [ -x /usr/lib/wine/wine ] && dpkg -s wine32:i386 >/dev/null 2>&1; }
export DEBIAN_FRONTEND=noninteractive

if installed; then succeed "wine32:i386 already installed"; fi

as_root dpkg --add-architecture i386 || fail "dpkg --add-architecture i386 failed"
as_root apt-get update -q >"$log" 2>&1
update_errors="$(grep -E '^(E|W): ' "$log" | grep -v '^W: Some index' | head -n 3 | tr '\n' ' ')"
[ -n "$update_errors" ] && say "apt-get update reported: $update_errors"
if as_root apt-get install -y -q --no-install-recommends wine32:i386 >"$log" 2>&1 && installed; then
  succeed "wine32:i386 installed"
fi
plain_error="$(grep -E '^E: ' "$log" | tail -n 1)"
plain_error="${plain_error:-apt-get install failed}"
say "the plain install failed: $plain_error"

# The second attempt: the same Debian release without its -security suite.
codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
mirror="$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -n 1 | tr -d ' ')"
mirror="${mirror:-http://deb.debian.org/debian}"
[ -n "$codename" ] || fail "wine32:i386 did not install ($plain_error); no Debian codename in /etc/os-release for a second attempt"
alt="$(mktemp -d)"
mkdir -p "$alt/parts" "$alt/lists/partial"
cat > "$alt/parts/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
alt_opts=(-o Dir::Etc::SourceParts="$alt/parts" -o Dir::Etc::SourceList=/dev/null -o Dir::State::Lists="$alt/lists")
apt_alt() { as_root apt-get "${alt_opts[@]}" "$@"; }
apt_alt update -q >"$log" 2>&1 || fail "wine32:i386 did not install ($plain_error); apt-get update without -security failed too"

# Which amd64 packages would the install remove? Those must take the version i386 has.
pins=()
for _ in 1 2 3; do
  apt_alt install -s -y --no-install-recommends --allow-downgrades wine32:i386 "${pins[@]}" >"$log" 2>&1
  mapfile -t removed < <(sed -nE 's/^Remv ([^ ]+) .*/\1/p' "$log" | grep -vE '^(wine|wine64|libwine)(:amd64)?$')
  [ ${#removed[@]} -eq 0 ] && break
  for pkg in "${removed[@]}"; do
    name="${pkg%%:*}"
    version="$(apt-cache "${alt_opts[@]}" policy "$name:i386" | sed -nE 's/^ +Candidate: (.+)$/\1/p')"
    [ -n "$version" ] && [ "$version" != "(none)" ] || fail "wine32:i386 did not install ($plain_error); $name has no i386 version to pair with amd64"
    pins+=("$name:amd64=$version")
  done
done
[ ${#pins[@]} -gt 0 ] && say "setting amd64 ${pins[*]} to match i386"
if apt_alt install -y -q --no-install-recommends --allow-downgrades wine32:i386 wine64 libwine "${pins[@]}" >"$log" 2>&1 && installed; then
  succeed "wine32:i386 installed from $codename and $codename-updates (without -security)"
fi
fail "wine32:i386 did not install: $plain_error; without -security: $(grep -E '^E: ' "$log" | tail -n 1)"
