#!/usr/bin/env bash
# The fast installer checks (well under a minute, no Java build needed), for CI on every change:
#   linux/test-unit.sh     systemd unit (systemd-analyze verify/security), sysusers, desktop, MIME
#   windows/test-msi.sh    MSI built with wixl from a stand-in image, checked table by table
#   macos/test-macos.sh    launchd plist, pkg scripts and names (the .pkg itself needs macOS)
# plus bash -n and shellcheck for the shared scripts. The .deb is checked by linux/test-deb.sh
# (5-8 minutes: it builds the package from the real jars and installs it in a chroot).
# Debian packages: systemd desktop-file-utils shared-mime-info shellcheck wixl msitools
# libplist-utils python3.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
status=0
for t in linux/test-unit.sh windows/test-msi.sh macos/test-macos.sh; do
  echo "== $t"
  "$here/$t" || status=1
done
echo "== shared scripts"
for script in "$here"/*.sh; do
  if bash -n "$script" && shellcheck "$script"; then
    echo "ok   $(basename "$script"): bash -n, shellcheck"
  else
    echo "FAIL $(basename "$script"): bash -n, shellcheck"
    status=1
  fi
done
exit $status
