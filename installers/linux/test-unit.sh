#!/usr/bin/env bash
# Fast checks (seconds) of the Linux system integration files, offline (no running systemd):
#   - fulmard.service passes `systemd-analyze verify` and keeps its sandbox
#     (`systemd-analyze security --offline`), the backoff drop-in uses only keys newer systemd knows
#   - the sysusers.d snippet creates a system group "fulmar" (systemd-sysusers --root)
#   - the desktop entry is valid and opens the three profile types the MIME file defines
#   - the maintainer and build scripts pass sh -n / bash -n and shellcheck
# Needs the Debian packages systemd, desktop-file-utils, shared-mime-info and shellcheck.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
for tool in systemd-analyze systemd-sysusers desktop-file-validate update-mime-database shellcheck; do
  command -v "$tool" >/dev/null || { echo "test-unit: '$tool' is missing" >&2; exit 1; }
done

work=$(mktemp -d /tmp/fulmar-test-unit.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A root with the host's units, the launcher the unit starts, and our unit.
vroot=$work/root
mkdir -p "$vroot/usr/lib/systemd" "$vroot/etc/systemd/system" "$vroot/opt/fulmar/bin"
cp -a /usr/lib/systemd/system "$vroot/usr/lib/systemd/"
printf '#!/bin/sh\n' >"$vroot/opt/fulmar/bin/fulmard"
chmod 755 "$vroot/opt/fulmar/bin/fulmard"
cp "$here/fulmard.service" "$vroot/etc/systemd/system/"

out=$(systemd-analyze verify --root="$vroot" fulmard.service 2>&1) && rc=0 || rc=$?
check "systemd-analyze verify: no error or warning${out:+ ($out)}" test "$rc" = 0 -a -z "$out"

security=$(systemd-analyze security --offline=yes --root="$vroot" fulmard.service 2>&1 || true)
exposure=$(sed -n 's/.*Overall exposure level for fulmard.service: \([0-9.]*\).*/\1/p' <<<"$security")
check "exposure level ${exposure:-?} is at most 3.0" \
  awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 3.0) }'
for setting in 'ProtectSystem=' 'ProtectHome=' 'PrivateTmp=' 'NoNewPrivileges=' \
  'CapabilityBoundingSet=~CAP_SYS_ADMIN' 'CapabilityBoundingSet=~CAP_(DAC_*|FOWNER|IPC_OWNER)' \
  'ProtectKernelTunables=' 'ProtectKernelModules=' 'RestrictNamespaces=~net' \
  'RestrictAddressFamilies=~AF_PACKET' 'SystemCallArchitectures=' 'SystemCallFilter=~@mount'; do
  check "security: $setting is restricted" grep -qF "✓ $setting " <<<"$security"
done
unit=$(cat "$here/fulmard.service")
check "unit keeps exactly the four capabilities" grep -qx \
  'CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW CAP_NET_BIND_SERVICE CAP_CHOWN' <<<"$unit"
check "unit allows /dev/net/tun" grep -qx 'DeviceAllow=/dev/net/tun rw' <<<"$unit"
check "unit allows netlink (ip, nft)" grep -qE '^RestrictAddressFamilies=.*AF_NETLINK' <<<"$unit"
lacks() { ! grep -q "$1" <<<"$2"; }
check "unit does not forbid W+X memory (the JIT needs it)" lacks '^MemoryDenyWriteExecute=yes' "$unit"
check "unit runs 'fulmard daemon' as root" grep -qx 'ExecStart=/opt/fulmar/bin/fulmard daemon' <<<"$unit"

# The drop-in: on this systemd (252) its only complaints may be the two keys from systemd 254.
mkdir -p "$vroot/etc/systemd/system/fulmard.service.d"
cp "$here/fulmard-backoff.conf" "$vroot/etc/systemd/system/fulmard.service.d/backoff.conf"
out=$(systemd-analyze verify --root="$vroot" fulmard.service 2>&1 || true)
version=$(systemctl --version | sed -n '1s/^systemd \([0-9]*\).*/\1/p')
if ((version >= 254)); then
  check "backoff drop-in verifies on systemd $version${out:+ ($out)}" test -z "$out"
else
  other=$(grep -v -E "Unknown key name '(RestartSteps|RestartMaxDelaySec)'|Unknown key '(RestartSteps|RestartMaxDelaySec)'" <<<"$out" || true)
  check "backoff drop-in: only RestartSteps/RestartMaxDelaySec unknown to systemd $version${other:+ ($other)}" \
    test -z "$other"
fi

# sysusers.d: a system group "fulmar" in an empty root.
mkdir -p "$work/sysroot/etc"
echo 'root:x:0:0:root:/root:/bin/sh' >"$work/sysroot/etc/passwd"
echo 'root:x:0:' >"$work/sysroot/etc/group"
systemd-sysusers --root="$work/sysroot" "$here/fulmar.sysusers" >/dev/null 2>&1 || true
gid=$(sed -n 's/^fulmar:x:\([0-9]*\):$/\1/p' "$work/sysroot/etc/group")
check "sysusers.d creates group fulmar (gid ${gid:-none})" test -n "$gid"
check "the group is a system group" test "${gid:-1000}" -lt 1000

# Desktop entry and MIME types.
out=$(desktop-file-validate "$here/fulmar-app.desktop" 2>&1) && rc=0 || rc=$?
check "desktop-file-validate${out:+ ($out)}" test "$rc" = 0 -a -z "$out"
check "desktop entry opens a file with fulmar-app" grep -qx 'Exec=fulmar-app %f' "$here/fulmar-app.desktop"
mkdir -p "$work/mime/packages"
cp "$here/fulmar-mime.xml" "$work/mime/packages/fulmar.xml"
update-mime-database "$work/mime" >/dev/null 2>&1
mimes=$(sed -n 's/^MimeType=//p' "$here/fulmar-app.desktop")
for glob in '*.vpn' '*.sswan' '*.mobileconfig'; do
  type=$(awk -F: -v g="$glob" '$3 == g { print $2 }' "$work/mime/globs2")
  check "$glob has a MIME type (${type:-none})" test -n "$type"
  check "the desktop entry handles $glob" grep -q "${type:-none};" <<<"$mimes"
done

# Scripts.
for script in "$here"/deb/postinst "$here"/deb/prerm "$here"/deb/postrm; do
  check "$(basename "$script"): sh -n" sh -n "$script"
  check "$(basename "$script"): shellcheck" shellcheck -s sh "$script"
done
for script in "$here"/*.sh; do
  check "$(basename "$script"): bash -n" bash -n "$script"
  check "$(basename "$script"): shellcheck" shellcheck "$script"
done

echo "test-unit: $failures failure(s)"
((failures == 0))
