#!/usr/bin/env bash
# Builds the .deb with build-deb.sh and checks it the way an admin meets it:
#   1. metadata (dpkg-deb -I): name, version, Depends with GTK/iproute2/nftables, maintainer scripts
#   2. contents (dpkg-deb -c): launchers, jars, runtime and system files in /opt/fulmar, nothing else
#   3. maintainer scripts: the repository's own, executable, `sh -n` and shellcheck clean
#   4. the unpacked package runs: `fulmar --help`, `fulmard --help`, `fulmar status` without a
#      helper, each launcher's class path, the runtime's modules, `systemd-analyze verify` of
#      the unit against the unpacked tree, and the tray app's window under Xvfb
#   5. install, remove and purge in a throwaway Debian chroot (own network namespace): group,
#      links, unit enabled, desktop files; then everything gone again
# Takes 5-8 minutes on 2 cores (the .deb build and the chroot dominate). Needs root for step 5,
# and: jpackage, dpkg-deb, fakeroot, shellcheck, systemd (systemd-analyze), xvfb, imagemagick,
# debootstrap (or --chroot DIR with a prepared Debian 12 tree).
#
# Usage: test-deb.sh [--helper-dir DIR] [--app-dir DIR] [--deb FILE] [--chroot DIR] [--keep]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
helper_dir=$root/helper/target
app_dir=$root/client-app/target
deb=
chroot_dir=
keep=false

while (($#)); do
  case "$1" in
    --helper-dir) helper_dir=$2; shift 2 ;;
    --app-dir) app_dir=$2; shift 2 ;;
    --deb) deb=$2; shift 2 ;;
    --chroot) chroot_dir=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    *) echo "usage: $0 [--helper-dir DIR] [--app-dir DIR] [--deb FILE] [--chroot DIR] [--keep]" >&2; exit 2 ;;
  esac
done

failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
need() {
  command -v "$1" >/dev/null || { echo "test-deb: '$1' is missing ($2)" >&2; exit 1; }
}
need dpkg-deb "dpkg"
need shellcheck "apt-get install shellcheck"
need systemd-analyze "apt-get install systemd"
need xvfb-run "apt-get install xvfb"
need import "apt-get install imagemagick"

work=$(mktemp -d /tmp/fulmar-test-deb.XXXXXX)
xvfb_pid=
app_pid=
cleanup() {
  if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; fi
  if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  if [[ $keep == true ]]; then
    echo "test-deb: work files kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

start=$SECONDS
if [[ -z $deb ]]; then
  "$here/build-deb.sh" --helper-dir "$helper_dir" --app-dir "$app_dir" --dest "$work/build"
  deb=$(echo "$work"/build/fulmar_*.deb)
fi
[[ -f $deb ]] || { echo "test-deb: no package at $deb" >&2; exit 1; }
echo "test-deb: checking $deb (built in $((SECONDS - start)) s)"

# 1. Metadata ------------------------------------------------------------------------------
info=$(dpkg-deb -I "$deb")
field() { dpkg-deb -f "$deb" "$1"; }
check "Package is fulmar" test "$(field Package)" = fulmar
check "Version is a Debian version with revision 1" \
  grep -Eq '^[0-9][A-Za-z0-9.+~]*-1$' <<<"$(field Version)"
depends=$(field Depends)
for dep in libgtk-3-0 iproute2 nftables libc6; do
  check "Depends names $dep ($depends)" grep -Eq "(^|, *)$dep( |,|$)" <<<"$depends"
done
check "Recommends names libgl1" grep -q libgl1 <<<"$(field Recommends)"
check "Section is net" test "$(field Section)" = net
for script in postinst prerm postrm; do
  check "control archive lists $script" grep -Eq "^ +[0-9]+ bytes, +[0-9]+ lines +\* +$script " <<<"$info"
done

# 2. Contents ------------------------------------------------------------------------------
contents=$(dpkg-deb -c "$deb" | awk '{ print $1, $NF }')
has() { # has MODE-REGEX PATH-REGEX
  grep -Eq "^$1 \\./$2\$" <<<"$contents"
}
for launcher in fulmar fulmar-app fulmard; do
  check "/opt/fulmar/bin/$launcher is an executable file" has '-rwxr-xr-x' "opt/fulmar/bin/$launcher"
done
check "helper jar in /opt/fulmar/lib/app" has '-rw-r--r--' 'opt/fulmar/lib/app/helper-[^/]+\.jar'
check "client-app jar in /opt/fulmar/lib/app" has '-rw-r--r--' 'opt/fulmar/lib/app/client-app-[^/]+\.jar'
check "the JVM in /opt/fulmar/lib/runtime" has '-rw.r-.r-.' 'opt/fulmar/lib/runtime/lib/server/libjvm\.so'
for f in systemd/fulmard.service systemd/fulmard-backoff.conf sysusers.d/fulmar.conf \
  applications/fulmar-app.desktop mime/fulmar.xml doc/installing.md \
  icons/hicolor/256x256/apps/fulmar.png; do
  check "lib/system/$f shipped" has '-rw-r--r--' "opt/fulmar/lib/system/$f"
done
outside=$(awk '{ print $2 }' <<<"$contents" | grep -Ev '^\./(opt/?|opt/fulmar(/.*)?)?$' || true)
check "nothing outside /opt/fulmar in the data archive${outside:+: $outside}" test -z "$outside"
check "no file writable by group or others" \
  test -z "$(awk '$1 ~ /^-....w|^-.......w/' <<<"$contents")"

# 3. Maintainer scripts --------------------------------------------------------------------
ctrl=$work/control
dpkg-deb -e "$deb" "$ctrl"
for script in postinst prerm postrm; do
  check "$script is executable" test -x "$ctrl/$script"
  check "$script is the repository's (jpackage changed nothing)" cmp -s "$ctrl/$script" "$here/deb/$script"
  check "$script passes sh -n" sh -n "$ctrl/$script"
  check "$script passes shellcheck" shellcheck -s sh "$ctrl/$script"
done

# 4. The unpacked package runs -------------------------------------------------------------
tree=$work/tree
dpkg-deb -x "$deb" "$tree"
opt=$tree/opt/fulmar
out=$("$opt/bin/fulmar" --help 2>&1) && rc=0 || rc=$?
check "fulmar --help exits 0 and shows the usage" test "$rc" = 0 -a -n "$(grep -m1 '^Usage: fulmar' <<<"$out")"
out=$("$opt/bin/fulmard" --help 2>&1) && rc=0 || rc=$?
check "fulmard --help exits 0 and lists cleanup" test "$rc" = 0 -a -n "$(grep -m1 'cleanup' <<<"$out")"
out=$(FULMAR_SOCKET=$work/no-such.sock "$opt/bin/fulmar" status 2>&1) && rc=0 || rc=$?
check "fulmar status without a helper fails and says so (exit $rc)" \
  test "$rc" != 0 -a -n "$(grep -m1 -i 'not running' <<<"$out")"
cfg=$opt/lib/app
check "fulmard's class path has the engine" grep -qF "app.classpath=\$APPDIR/tunnel-core-" "$cfg/fulmard.cfg"
check "fulmard's class path has no JavaFX" bash -c "! grep -q 'javafx' '$cfg/fulmard.cfg'"
check "fulmar-app's class path has JavaFX" grep -qF "app.classpath=\$APPDIR/javafx-graphics-" "$cfg/fulmar-app.cfg"
check "fulmar-app's class path has no engine" bash -c "! grep -q 'tunnel-core' '$cfg/fulmar-app.cfg'"
check "fulmar's class path has the engine for diagnose" grep -q 'tunnel-core' "$cfg/fulmar.cfg"
check "fulmard runs with the peer-credential export" \
  grep -q '^java-options=--add-exports=java.base/sun.nio.ch=ALL-UNNAMED$' "$cfg/fulmard.cfg"
modules=$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$opt/lib/runtime/release")
for m in java.base java.desktop jdk.unsupported jdk.crypto.ec jdk.localedata jdk.net; do
  check "runtime has $m" grep -qw "$m" <<<"$modules"
done
check "runtime has no jlink/javac" test ! -e "$opt/lib/runtime/jmods" -a ! -e "$opt/lib/runtime/bin/javac"
check "runtime keeps jspawnhelper (the helper runs ip, nft, resolvectl)" test -x "$opt/lib/runtime/lib/jspawnhelper"
check "shipped unit is the repository's" cmp -s "$opt/lib/system/systemd/fulmard.service" "$here/fulmard.service"
vroot=$work/vroot
mkdir -p "$vroot/usr/lib/systemd" "$vroot/etc/systemd/system" "$vroot/opt/fulmar/bin"
cp -a /usr/lib/systemd/system "$vroot/usr/lib/systemd/"
cp "$opt/bin/fulmard" "$vroot/opt/fulmar/bin/"
cp "$opt/lib/system/systemd/fulmard.service" "$vroot/etc/systemd/system/"
out=$(systemd-analyze verify --root="$vroot" fulmard.service 2>&1) && rc=0 || rc=$?
check "systemd-analyze verify passes against the unpacked tree${out:+: $out}" test "$rc" = 0 -a -z "$out"

# The tray app's window appears under Xvfb: poll screenshots until the screen is not blank.
display=:$((90 + RANDOM % 400))
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME"
DISPLAY=$display FULMAR_SOCKET=$work/no-such.sock "$opt/bin/fulmar-app" >"$work/app.log" 2>&1 &
app_pid=$!
colours=1
for _ in $(seq 60); do
  kill -0 "$app_pid" 2>/dev/null || break
  if DISPLAY=$display import -window root "$work/screen.png" 2>/dev/null; then
    colours=$(convert "$work/screen.png" -format %k info: 2>/dev/null || echo 1)
    ((colours > 16)) && break
  fi
  sleep 2
done
alive=false
kill -0 "$app_pid" 2>/dev/null && alive=true
check "the tray app runs and draws its window under Xvfb ($colours colours)" \
  test "$alive" = true -a "$colours" -gt 16
[[ $alive == true ]] || tail -20 "$work/app.log"
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
kill "$xvfb_pid" 2>/dev/null || true
wait "$xvfb_pid" 2>/dev/null || true
xvfb_pid=

# 5. Install, remove, purge in a chroot ----------------------------------------------------
if ((EUID != 0)); then
  fail "install test needs root (dpkg -i in a chroot)"
else
  "$here/test-deb-install.sh" --deb "$deb" ${chroot_dir:+--chroot "$chroot_dir"} \
    || failures=$((failures + 1))
fi

echo "test-deb: $failures failure(s), $((SECONDS - start)) s"
((failures == 0))
