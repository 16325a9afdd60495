#!/usr/bin/env bash
# Installs, reinstalls (the upgrade path), removes and purges the fulmar .deb in a throwaway
# Debian 12 chroot and checks what the maintainer scripts did at each step. The chroot runs in its
# own mount, PID and network namespaces, so `fulmard cleanup` (run by prerm) cannot touch the
# host's network. Package dependencies (GTK, ...) are not installed: dpkg --force-depends.
# Without --chroot a minimal Debian 12 tree is made with debootstrap (1-3 minutes, network) and
# deleted afterwards. Needs root, unshare (util-linux) and debootstrap.
#
# Usage: test-deb-install.sh --deb FILE [--chroot DIR]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
deb=
target=
made_target=false

while (($#)); do
  case "$1" in
    --deb) deb=$2; shift 2 ;;
    --chroot) target=$2; shift 2 ;;
    *) echo "usage: $0 --deb FILE [--chroot DIR]" >&2; exit 2 ;;
  esac
done
[[ -f $deb ]] || { echo "test-deb-install: no package at '$deb'" >&2; exit 2; }
((EUID == 0)) || { echo "test-deb-install: needs root" >&2; exit 1; }
command -v unshare >/dev/null || { echo "test-deb-install: unshare is missing (util-linux)" >&2; exit 1; }

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

cleanup() {
  if [[ $made_target == true && -n $target && -d $target ]]; then
    rm -rf --one-file-system "$target"
  fi
}
trap cleanup EXIT

if [[ -z $target ]]; then
  command -v debootstrap >/dev/null \
    || { echo "test-deb-install: debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  mirror=${mirror:-http://deb.debian.org/debian}
  target=$(mktemp -d /var/tmp/fulmar-deb-chroot.XXXXXX)
  made_target=true
  echo "test-deb-install: debootstrap bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$target" "$mirror" >"$target.log" 2>&1 \
    || { tail -20 "$target.log" >&2; rm -f "$target.log"; echo "test-deb-install: debootstrap failed" >&2; exit 1; }
  rm -f "$target.log"
fi
[[ -x $target/usr/bin/dpkg ]] || { echo "test-deb-install: $target is not a Debian tree" >&2; exit 1; }

# Runs a command in the chroot: private mount, PID and network namespaces, its own /proc.
in_chroot() {
  unshare --mount --pid --net --fork --mount-proc="$target/proc" \
    chroot "$target" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"
}
link_is() { [[ -L $target$1 && $(readlink "$target$1") == "$2" ]]; }
absent() { [[ ! -e $target$1 && ! -L $target$1 ]]; }
no_match() { ! grep -qi "$1" <<<"$2"; }
show() {
  local line
  while IFS= read -r line; do echo "  $1: $line"; done <<<"$2"
}
wants=/etc/systemd/system/multi-user.target.wants/fulmard.service

cp "$deb" "$target/tmp/fulmar.deb"

# Install ----------------------------------------------------------------------------------
out=$(in_chroot dpkg -i --force-depends /tmp/fulmar.deb 2>&1) && rc=0 || rc=$?
check "dpkg -i succeeds (exit $rc)" test "$rc" = 0
[[ $rc == 0 ]] || show dpkg "$out"
check "package is installed" \
  test "$(in_chroot dpkg-query -W -f="\${Status}" fulmar)" = "install ok installed"
group=$(grep '^fulmar:' "$target/etc/group" || true)
check "group fulmar exists ($group)" test -n "$group"
check "group fulmar is a system group" test "$(cut -d: -f3 <<<"$group")" -lt 1000
check "/usr/bin/fulmar links to the CLI" link_is /usr/bin/fulmar /opt/fulmar/bin/fulmar
check "/usr/bin/fulmar-app links to the app" link_is /usr/bin/fulmar-app /opt/fulmar/bin/fulmar-app
check "/usr/sbin/fulmard links to the helper" link_is /usr/sbin/fulmard /opt/fulmar/bin/fulmard
check "unit installed in /lib/systemd/system" \
  cmp -s "$target/lib/systemd/system/fulmard.service" "$here/fulmard.service"
check "unit enabled (multi-user.target.wants)" \
  link_is "$wants" /lib/systemd/system/fulmard.service
check "sysusers.d declares the group" cmp -s "$target/usr/lib/sysusers.d/fulmar.conf" "$here/fulmar.sysusers"
check "/etc/fulmar/profiles exists, mode 755" test "$(stat -c %a "$target/etc/fulmar/profiles" 2>/dev/null)" = 755
check "desktop entry installed" cmp -s "$target/usr/share/applications/fulmar-app.desktop" "$here/fulmar-app.desktop"
check "MIME types installed" cmp -s "$target/usr/share/mime/packages/fulmar.xml" "$here/fulmar-mime.xml"
check "icon installed" test -s "$target/usr/share/icons/hicolor/256x256/apps/fulmar.png"
out=$(in_chroot fulmar --version 2>&1) && rc=0 || rc=$?
check "fulmar on PATH runs (fulmar --version: $out)" test "$rc" = 0

# Reinstall: the upgrade path (prerm upgrade, postinst configure OLD-VERSION) -----------------
out=$(in_chroot dpkg -i --force-depends /tmp/fulmar.deb 2>&1) && rc=0 || rc=$?
check "reinstall (upgrade path) succeeds (exit $rc)" test "$rc" = 0
[[ $rc == 0 ]] || show dpkg "$out"
check "unit still enabled after the upgrade" link_is "$wants" /lib/systemd/system/fulmard.service
check "one group fulmar after the upgrade" test "$(grep -c '^fulmar:' "$target/etc/group")" = 1

# Remove -----------------------------------------------------------------------------------
echo '{"format":"fulmar-profile"}' >"$target/etc/fulmar/profiles/office.vpn"
out=$(in_chroot dpkg -r fulmar 2>&1) && rc=0 || rc=$?
check "dpkg -r succeeds (exit $rc)" test "$rc" = 0
check "prerm's fulmard cleanup reported no failure" no_match 'cleanup.*failed' "$out"
[[ $rc == 0 ]] || show dpkg "$out"
for path in /opt/fulmar /usr/bin/fulmar /usr/bin/fulmar-app /usr/sbin/fulmard \
  /lib/systemd/system/fulmard.service /usr/lib/sysusers.d/fulmar.conf \
  /usr/share/applications/fulmar-app.desktop /usr/share/mime/packages/fulmar.xml \
  /usr/share/icons/hicolor/256x256/apps/fulmar.png; do
  check "remove deleted $path" absent "$path"
done
check "remove kept the admin's profile" test -f "$target/etc/fulmar/profiles/office.vpn"

# Purge ------------------------------------------------------------------------------------
mkdir -p "$target/var/lib/fulmar/journal"
out=$(in_chroot dpkg -P fulmar 2>&1) && rc=0 || rc=$?
check "dpkg -P succeeds (exit $rc)" test "$rc" = 0
[[ $rc == 0 ]] || show dpkg "$out"
check "purge deleted /var/lib/fulmar" absent /var/lib/fulmar
check "purge kept /etc/fulmar while it holds a profile" test -f "$target/etc/fulmar/profiles/office.vpn"
leftover=$(find "$target/etc/systemd" -name '*fulmard*' 2>/dev/null || true)
check "no unit links left in /etc/systemd${leftover:+: $leftover}" test -z "$leftover"
check "package is gone from dpkg's database" bash -c "! grep -q '^Package: fulmar$' '$target/var/lib/dpkg/status'"
check "group fulmar kept (files may still name it)" grep -q '^fulmar:' "$target/etc/group"
rm -rf "$target/etc/fulmar"

echo "test-deb-install: $failures failure(s)"
((failures == 0))
