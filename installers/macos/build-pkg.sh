#!/bin/bash
# Builds Fulmar-<version>-<arch>.pkg on macOS (pkgbuild/productbuild exist only there; Debian has
# no mkbom/xar, so this cannot run on the Linux build machine). Steps:
#   1. app-image.sh --os mac: Fulmar.app with the tray app, `fulmar` and `fulmard`
#   2. uninstall.sh into Fulmar.app/Contents/Resources
#   3. optional: sign every executable and the app (hardened runtime, entitlements.plist)
#   4. pkgbuild: payload Fulmar.app -> /Applications, the launchd plist, /etc/paths.d/fulmar,
#      /etc/newsyslog.d/fulmar.conf; scripts/preinstall and scripts/postinstall
#   5. productbuild with distribution.xml (optionally signed with a Developer ID Installer)
# Notarize the result afterwards (docs/installing.md):
#   xcrun notarytool submit Fulmar-....pkg --keychain-profile PROFILE --wait
#   xcrun stapler staple Fulmar-....pkg
#
# Usage: build-pkg.sh --version X.Y.Z [--bundle-version X.Y.Z] [--helper-dir DIR] [--app-dir DIR]
#                     [--icon Fulmar.icns] [--sign-app "Developer ID Application: ..."]
#                     [--sign-pkg "Developer ID Installer: ..."] [--dest DIR]
# --bundle-version is the app's CFBundleVersion; jpackage refuses a 0 major version, so a 0.x
# release needs one (e.g. 1.0.0); the package version stays --version.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
version=
bundle_version=
helper_dir=$root/helper/target
app_dir=$root/client-app/target
icon=
sign_app=
sign_pkg=
dest=$root/installers/target

die() {
  echo "build-pkg: $*" >&2
  exit 1
}
while (($#)); do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --bundle-version) bundle_version=$2; shift 2 ;;
    --helper-dir) helper_dir=$2; shift 2 ;;
    --app-dir) app_dir=$2; shift 2 ;;
    --icon) icon=$2; shift 2 ;;
    --sign-app) sign_app=$2; shift 2 ;;
    --sign-pkg) sign_pkg=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    *) die "unknown option $1 (see the usage at the top of $0)" ;;
  esac
done
[[ $(uname -s) == Darwin ]] || die "runs on macOS only (pkgbuild and productbuild); see docs/installing.md"
[[ -n $version ]] || die "--version X.Y.Z is required"
version=${version%%[-~]*}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "version '$version' is not X.Y.Z"
bundle_version=${bundle_version:-$version}
for tool in pkgbuild productbuild plutil codesign; do
  command -v "$tool" >/dev/null || die "'$tool' not found (Xcode command line tools)"
done
arch=$(uname -m)
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
work=$dest/pkg-work
rm -rf "$work"
mkdir -p "$work"

icon_args=()
[[ -n $icon ]] && icon_args=(--icon "$icon")
"$here/../app-image.sh" --os mac --version "$bundle_version" --dest "$work" \
  --helper-dir "$helper_dir" --app-dir "$app_dir" "${icon_args[@]}"
app=$work/image/Fulmar.app
install -m 0755 "$here/uninstall.sh" "$app/Contents/Resources/uninstall.sh"

if [[ -n $sign_app ]]; then
  # Inside out: every Mach-O file first, then the bundle.
  while IFS= read -r -d '' f; do
    if file -b "$f" | grep -q 'Mach-O'; then
      codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
        --sign "$sign_app" "$f"
    fi
  done < <(find "$app/Contents" -type f -print0)
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
    --sign "$sign_app" "$app"
  codesign --verify --strict --deep "$app"
fi

payload=$work/root
mkdir -p "$payload/Applications" "$payload/Library/LaunchDaemons" \
  "$payload/private/etc/paths.d" "$payload/private/etc/newsyslog.d"
ditto "$app" "$payload/Applications/Fulmar.app"
install -m 0644 "$here/dev.fulmar.fulmard.plist" "$payload/Library/LaunchDaemons/dev.fulmar.fulmard.plist"
install -m 0644 "$here/paths.d-fulmar" "$payload/private/etc/paths.d/fulmar"
install -m 0644 "$here/newsyslog-fulmar.conf" "$payload/private/etc/newsyslog.d/fulmar.conf"

# The app must land in /Applications even if a copy with the same bundle id exists elsewhere.
pkgbuild --analyze --root "$payload" "$work/components.plist"
i=0
while plutil -extract "$i" xml1 -o /dev/null "$work/components.plist" 2>/dev/null; do
  plutil -replace "$i.BundleIsRelocatable" -bool NO "$work/components.plist"
  i=$((i + 1))
done
pkgbuild --root "$payload" --component-plist "$work/components.plist" \
  --scripts "$here/scripts" --identifier dev.fulmar.pkg --version "$version" \
  --install-location / --ownership recommended "$work/fulmar-component.pkg"

sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" "$here/distribution.xml" >"$work/distribution.xml"
out=$dest/Fulmar-$version-$arch.pkg
sign_args=()
[[ -n $sign_pkg ]] && sign_args=(--sign "$sign_pkg" --timestamp)
productbuild --distribution "$work/distribution.xml" --package-path "$work" "${sign_args[@]}" "$out"
echo "build-pkg: $out"
