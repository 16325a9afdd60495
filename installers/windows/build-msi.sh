#!/usr/bin/env bash
# Builds the Fulmar VPN MSI (64-bit) from a jpackage app image for Windows, on Linux with
# Debian's wixl/msitools (apt-get install wixl msitools), in a few seconds.
#
# The app image comes from jpackage on Windows (jpackage does not cross-build); docs/installing.md
# has the command. It must hold fulmar-app.exe, fulmar.exe and fulmard.exe at the top and app\ and
# runtime\ below (plus anything else it carries, such as wintun.dll, which is packaged as it is).
#
# Usage: build-msi.sh --input DIR --version X.Y.Z[-SUFFIX] [--icon FILE.ico] [--output FILE.msi]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
input=
version=
icon=
output=

die() {
  echo "build-msi: $*" >&2
  exit 1
}
while (($#)); do
  case "$1" in
    --input) input=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --icon) icon=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    *) die "usage: $0 --input DIR --version X.Y.Z [--icon FILE.ico] [--output FILE.msi]" ;;
  esac
done
[[ -n $input && -n $version ]] || die "usage: $0 --input DIR --version X.Y.Z [--icon FILE.ico] [--output FILE.msi]"
for tool in wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null || die "'$tool' not found: apt-get install wixl msitools"
done
[[ -d $input ]] || die "no directory $input"
input=$(cd "$input" && pwd)
for f in fulmar-app.exe fulmar.exe fulmard.exe app runtime; do
  [[ -e $input/$f ]] || die "$input has no $f: is it a jpackage app image for Windows?"
done

# Windows Installer versions are three numbers (major.minor.build, at most 255.255.65535).
msi_version=${version%%[-~]*}
[[ $msi_version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]] || die "version '$version' is not X.Y.Z"
((BASH_REMATCH[1] <= 255 && BASH_REMATCH[2] <= 255 && BASH_REMATCH[3] <= 65535)) \
  || die "version '$msi_version' is out of the MSI range (255.255.65535)"
output=${output:-$PWD/fulmar-$msi_version-x64.msi}

work=$(mktemp -d /tmp/fulmar-build-msi.XXXXXX)
trap 'rm -rf "$work"' EXIT

# Every file of the image except the two that fulmar.wxs authors itself (service, shortcut).
(cd "$input" && find . -type f | sed 's#^\./##' | LC_ALL=C sort) \
  | wixl-heat --prefix "" --directory-ref INSTALLDIR --component-group AppFiles \
      --var var.SourceDir --win64 -x fulmard.exe -x fulmar-app.exe >"$work/files.wxs"

# wixl takes source paths relative to the working directory, so it runs in the image.
defines=(-D SourceDir=. -D "Version=$msi_version" -D Win64=yes)
if [[ -n $icon ]]; then
  [[ -f $icon ]] || die "no icon file $icon"
  cp "$icon" "$work/fulmar.ico"
  defines+=(-D "IconFile=$(realpath --relative-to="$input" "$work/fulmar.ico")")
fi
(cd "$input" && wixl -a x64 "${defines[@]}" -o "$work/fulmar.msi" "$here/fulmar.wxs" "$work/files.wxs")

# PATH: wixl cannot author <Environment>, so the row goes in with SQL. "=-*PATH" with "[~];VALUE"
# appends INSTALLDIR to the system PATH and removes just that part again on uninstall.
# shellcheck disable=SC2016 # backquotes are SQL identifier quotes
msibuild "$work/fulmar.msi" -q 'CREATE TABLE `Environment` (`Environment` CHAR(72) NOT NULL, `Name` CHAR(255) NOT NULL LOCALIZABLE, `Value` CHAR(255) LOCALIZABLE, `Component_` CHAR(72) NOT NULL PRIMARY KEY `Environment`)'
msibuild "$work/fulmar.msi" -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('FulmarPath', '=-*PATH', '[~];[INSTALLDIR]', 'CommandLine')"
msibuild "$work/fulmar.msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)"
msibuild "$work/fulmar.msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"

mkdir -p "$(dirname "$output")"
mv "$work/fulmar.msi" "$output"
echo "build-msi: $output ($(du -h "$output" | cut -f1))"
