#!/usr/bin/env bash
# Checks of the macOS packaging files that can run on Linux (the .pkg itself needs macOS):
#   - the launchd plist parses (python plistlib, and libplist's plistutil round trip), its Label
#     matches its file name and it starts `fulmard daemon` from where app-image.sh puts it
#   - entitlements and distribution parse; names agree across plist, scripts and build-pkg.sh
#   - scripts pass sh -n / bash -n and shellcheck
#   - postinstall/preinstall for a volume other than the running system only create folders
#     there and touch neither launchd nor the group database (macOS tools are stubbed)
#   - build-pkg.sh refuses to run outside macOS, with a message
# Needs python3, plistutil (libplist-utils) and shellcheck. Takes a second or two.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in python3 plistutil shellcheck; do
  command -v "$tool" >/dev/null || { echo "test-macos: '$tool' is missing" >&2; exit 1; }
done
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
work=$(mktemp -d /tmp/fulmar-test-macos.XXXXXX)
trap 'rm -rf "$work"' EXIT

plist=$here/dev.fulmar.fulmard.plist
# key PATH: a value of the launchd plist as JSON.
key() {
  python3 - "$plist" "$1" <<'EOF'
import json, plistlib, sys
value = plistlib.load(open(sys.argv[1], "rb"))
for part in sys.argv[2].split("."):
    value = value[int(part)] if isinstance(value, list) else value[part]
print(json.dumps(value))
EOF
}
check "launchd plist parses (plistlib)" python3 -c 'import plistlib,sys; plistlib.load(open(sys.argv[1],"rb"))' "$plist"
plistutil -i "$plist" -o "$work/plist.bin" -f bin 2>/dev/null || plistutil -i "$plist" -o "$work/plist.bin"
plistutil -i "$work/plist.bin" -o "$work/plist.xml" -f xml 2>/dev/null || plistutil -i "$work/plist.bin" -o "$work/plist.xml"
check "launchd plist survives a binary round trip (plistutil)" python3 -c '
import plistlib, sys
a = plistlib.load(open(sys.argv[1], "rb")); b = plistlib.load(open(sys.argv[2], "rb"))
sys.exit(0 if a == b else 1)' "$plist" "$work/plist.xml"
check "Label matches the file name" test "$(key Label)" = '"dev.fulmar.fulmard"'
check "starts fulmard daemon from Fulmar.app" \
  test "$(key ProgramArguments)" = '["/Applications/Fulmar.app/Contents/MacOS/fulmard", "daemon"]'
check "app-image.sh names the macOS app Fulmar" grep -q 'name=Fulmar; cfg_dir=Contents/app' "$here/../app-image.sh"
check "runs at load" test "$(key RunAtLoad)" = true
check "restarted only after a crash" test "$(key KeepAlive)" = '{"SuccessfulExit": false}'
check "shown under the app's name in Login Items" test "$(key AssociatedBundleIdentifiers)" = '["dev.fulmar.app"]'
check "the app's bundle id is the one app-image.sh sets" \
  grep -q -- '--mac-package-identifier dev.fulmar.app' "$here/../app-image.sh"
log=$(key StandardErrorPath)
check "stdout and stderr go to the same log" test "$(key StandardOutPath)" = "$log"
check "postinstall creates the log's folder" grep -q "mkdir -p \"\$vol$(dirname "${log//\"/}")\"" "$here/scripts/postinstall"
check "newsyslog rotates that log" test "$(awk '!/^#/ && NF { print $1 }' "$here/newsyslog-fulmar.conf")" = "${log//\"/}"
check "newsyslog line has 7 fields" test "$(awk '!/^#/ && NF { print NF }' "$here/newsyslog-fulmar.conf")" = 7
check "paths.d puts the launchers' folder on PATH" \
  test "$(cat "$here/paths.d-fulmar")" = /Applications/Fulmar.app/Contents/MacOS

check "entitlements parse and allow the JIT" python3 -c '
import plistlib, sys
e = plistlib.load(open(sys.argv[1], "rb")); sys.exit(0 if e.get("com.apple.security.cs.allow-jit") is True else 1)' \
  "$here/entitlements.plist"
sed -e 's/@VERSION@/1.2.3/' -e 's/@ARCH@/arm64/' "$here/distribution.xml" >"$work/distribution.xml"
check "distribution parses" python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$work/distribution.xml"
check "distribution names the component package build-pkg.sh writes" \
  grep -q '>fulmar-component.pkg</pkg-ref>' "$work/distribution.xml"
check "package identifier in the distribution" grep -q 'pkg-ref id="dev.fulmar.pkg"' "$work/distribution.xml"
check "package identifier in build-pkg.sh" grep -q -- '--identifier dev.fulmar.pkg' "$here/build-pkg.sh"
check "package identifier in uninstall.sh" grep -q 'pkgutil --forget dev.fulmar.pkg' "$here/uninstall.sh"

for script in "$here"/scripts/preinstall "$here"/scripts/postinstall; do
  check "$(basename "$script"): sh -n" sh -n "$script"
  check "$(basename "$script"): shellcheck" shellcheck -s sh "$script"
done
for script in "$here"/build-pkg.sh "$here"/uninstall.sh "$here"/test-macos.sh; do
  check "$(basename "$script"): bash -n" bash -n "$script"
  check "$(basename "$script"): shellcheck" shellcheck "$script"
done

# Stubs for the macOS tools: they record their calls.
stubs=$work/stubs
mkdir -p "$stubs"
for tool in launchctl dseditgroup dscl chown stat; do
  printf '#!/bin/sh\necho "%s $*" >>"%s/calls"\n' "$tool" "$work" >"$stubs/$tool"
  chmod 755 "$stubs/$tool"
done
volume=$work/Volumes/Other
mkdir -p "$volume"
PATH=$stubs:$PATH sh "$here/scripts/preinstall" /tmp/Fulmar.pkg / "$volume/" && rc=0 || rc=$?
check "preinstall on another volume exits 0" test "$rc" = 0
PATH=$stubs:$PATH sh "$here/scripts/postinstall" /tmp/Fulmar.pkg / "$volume/" && rc=0 || rc=$?
check "postinstall on another volume exits 0" test "$rc" = 0
check "system profiles folder created on that volume" test -d "$volume/Library/Application Support/Fulmar"
check "log folder created on that volume" test -d "$volume/Library/Logs/Fulmar"
check "log folder mode 750" test "$(stat -c %a "$volume/Library/Logs/Fulmar")" = 750
calls=$(grep -Ev '^chown ' "$work/calls" 2>/dev/null || true)
check "neither launchd nor the group database touched${calls:+ ($calls)}" test -z "$calls"

out=$(bash "$here/build-pkg.sh" --version 1.0.0 2>&1) && rc=0 || rc=$?
check "build-pkg.sh refuses to run outside macOS ($out)" \
  test "$rc" != 0 -a -n "$(grep -m1 'macOS only' <<<"$out")"

echo "test-macos: $failures failure(s)"
((failures == 0))
