#!/bin/bash
# Removes Fulmar VPN from a Mac (macOS packages have no uninstaller). Shipped as
# /Applications/Fulmar.app/Contents/Resources/uninstall.sh; run it as root:
#   sudo "/Applications/Fulmar.app/Contents/Resources/uninstall.sh" [--purge]
# Stops the helper (it takes the tunnel down), undoes what a crashed helper left behind
# (fulmard cleanup), and deletes what the package installed. System profiles in
# /Library/Application Support/Fulmar and the group "fulmar" stay unless --purge is given.
set -euo pipefail

label=dev.fulmar.fulmard
app=/Applications/Fulmar.app
purge=false
case "${1:-}" in
  --purge) purge=true ;;
  "") ;;
  *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac
if ((EUID != 0)); then
  echo "uninstall: run as root (sudo $0)" >&2
  exit 1
fi

if launchctl print "system/$label" >/dev/null 2>&1; then
  launchctl bootout "system/$label" || echo "uninstall: could not stop $label" >&2
fi
if [[ -x $app/Contents/MacOS/fulmard ]]; then
  "$app/Contents/MacOS/fulmard" cleanup || echo "uninstall: 'fulmard cleanup' failed; network changes may remain" >&2
fi
rm -f "/Library/LaunchDaemons/$label.plist" /etc/paths.d/fulmar /etc/newsyslog.d/fulmar.conf
rm -rf /Library/Logs/Fulmar /var/run/fulmar
pkgutil --forget dev.fulmar.pkg >/dev/null 2>&1 || true
if [[ $purge == true ]]; then
  rm -rf "/Library/Application Support/Fulmar"
  dseditgroup -o delete fulmar >/dev/null 2>&1 || true
fi
# Last, as this script lives inside the app.
rm -rf "$app"
echo "uninstall: Fulmar VPN removed"
