#!/usr/bin/env bash
# Builds the jpackage app image that every installer packages: the tray app (main launcher), the
# CLI `fulmar` and the helper `fulmard`, with one slim runtime. Run it on the OS the image is for
# (jpackage does not cross-build): build-deb.sh (Linux) and build-pkg.sh (macOS) call it, and on
# Windows it runs in Git Bash before build-msi.sh (docs/installing.md).
#
# Input is the output of `./mvnw package`:
#   helper/target/helper-<version>.jar          + helper/target/lib/*.jar
#   client-app/target/client-app-<version>.jar  + client-app/target/lib/*.jar
# Output: DEST/image/fulmar-app (Linux, Windows) or DEST/image/Fulmar.app (macOS).
#
# Usage: app-image.sh --os linux|mac|windows --version V --dest DIR
#                     [--helper-dir DIR] [--app-dir DIR] [--icon FILE]
# V must suit the OS: Debian style on Linux (0.1.0~SNAPSHOT), X.Y.Z on Windows, X.Y.Z with X >= 1
# on macOS (jpackage refuses a 0 major version there).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
os=
version=
dest=
helper_dir=$root/helper/target
app_dir=$root/client-app/target
icon=

# Modules the JDK loads by name or as a service, which jdeps cannot see in the bytecode:
# jdk.crypto.ec holds the SunEC provider (ECDH/ECDSA/X25519 through the JCA, EC TLS suites);
# jdk.localedata the number and date formats of the app's languages (trimmed by --include-locales).
extra_modules=jdk.crypto.ec,jdk.localedata
locales=en,de

die() {
  echo "app-image: $*" >&2
  exit 1
}
usage="usage: $0 --os linux|mac|windows --version V --dest DIR [--helper-dir DIR] [--app-dir DIR] [--icon FILE]"
while (($#)); do
  case "$1" in
    --os) os=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    --helper-dir) helper_dir=$2; shift 2 ;;
    --app-dir) app_dir=$2; shift 2 ;;
    --icon) icon=$2; shift 2 ;;
    *) die "$usage" ;;
  esac
done
[[ -n $os && -n $version && -n $dest ]] || die "$usage"
case "$os" in
  linux) name=fulmar-app; cfg_dir=lib/app ;;
  windows) name=fulmar-app; cfg_dir=app ;;
  mac)
    name=Fulmar; cfg_dir=Contents/app
    [[ $version =~ ^[1-9][0-9]*(\.[0-9]+){0,2}$ ]] \
      || die "macOS needs a bundle version X[.Y[.Z]] with X >= 1 (jpackage refuses '$version')"
    ;;
  *) die "$usage" ;;
esac
for tool in jpackage jdeps jar; do
  command -v "$tool" >/dev/null || die "'$tool' not found: install a JDK 17"
done
for dir in "$helper_dir" "$app_dir"; do
  [[ -d $dir ]] || die "no directory $dir (run ./mvnw package)"
done
mkdir -p "$dest"
helper_dir=$(cd "$helper_dir" && pwd)
app_dir=$(cd "$app_dir" && pwd)
dest=$(cd "$dest" && pwd)

# The one main jar of an artifact in a build directory (not -sources/-javadoc/-tests).
main_jar() {
  local dir=$1 artifact=$2 found=() f
  for f in "$dir/$artifact"-*.jar; do
    [[ -e $f ]] || continue
    [[ $f =~ -(sources|javadoc|tests|test-sources)\.jar$ ]] && continue
    found+=("$f")
  done
  ((${#found[@]} == 1)) || die "expected one $artifact-<version>.jar in $dir, found ${#found[@]} (run ./mvnw package)"
  [[ -d $dir/lib ]] || die "$dir/lib is missing: the build must copy $artifact's runtime dependencies there"
  echo "${found[0]}"
}
helper_jar=$(main_jar "$helper_dir" helper)
app_jar=$(main_jar "$app_dir" client-app)

work=$dest/app-image-work
input=$work/input
rm -rf "$work" "$dest/image"
mkdir -p "$input"

# All jars in one input directory; a name shared by both sides must be the same file.
stage() {
  local jar=$1 name
  name=$(basename "$jar")
  if [[ -e $input/$name ]]; then
    cmp -s "$jar" "$input/$name" || die "$name differs between the helper and the app builds"
  else
    cp "$jar" "$input/$name"
  fi
  echo "$name"
}
helper_cp=("$(stage "$helper_jar")")
for jar in "$helper_dir"/lib/*.jar; do helper_cp+=("$(stage "$jar")"); done
app_cp=("$(stage "$app_jar")")
for jar in "$app_dir"/lib/*.jar; do app_cp+=("$(stage "$jar")"); done

echo "app-image: finding the JDK modules the jars use (jdeps)"
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$input"/*.jar)
modules=$modules,$extra_modules
echo "app-image: runtime modules: $modules"

# Additional launchers: the CLI and the helper, from the same runtime and input directory.
console=
[[ $os == windows ]] && console=$'\nwin-console=true'
cat >"$work/fulmar.properties" <<EOF
main-jar=$(basename "$app_jar")
main-class=dev.fulmar.app.cli.FulmarCli
java-options=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto$console
EOF
cat >"$work/fulmard.properties" <<EOF
main-jar=$(basename "$helper_jar")
main-class=dev.fulmar.helper.Fulmard
java-options=--add-exports=java.base/sun.nio.ch=ALL-UNNAMED -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true$console
EOF

os_args=()
[[ -n $icon ]] && os_args+=(--icon "$icon")
if [[ $os == mac ]]; then
  os_args+=(--mac-package-identifier dev.fulmar.app --mac-package-name "Fulmar VPN")
fi

echo "app-image: building the app image (jlink + jpackage)"
jpackage --type app-image --dest "$dest/image" \
  --name "$name" --app-version "$version" \
  --vendor "Fulmar VPN" --description "IKEv2/IPsec remote-access VPN client" \
  --input "$input" --main-jar "$(basename "$app_jar")" --main-class dev.fulmar.app.Launcher \
  --add-launcher fulmar="$work/fulmar.properties" \
  --add-launcher fulmard="$work/fulmard.properties" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-header-files --no-man-pages --strip-native-commands --include-locales=$locales" \
  "${os_args[@]}"
image=$dest/image/$name
[[ $os == mac ]] && image=$dest/image/$name.app

# Each launcher gets only its own jars: the helper runs without JavaFX, the app without the IKE
# engine; the CLI has both sides, because `fulmar diagnose` runs the engine itself when no helper
# is running (control's LocalDiagnoser).
set_classpath() {
  local cfg=$image/$cfg_dir/$1.cfg
  shift
  [[ -f $cfg ]] || die "jpackage wrote no $cfg"
  local lines=() seen=" " name
  for name in "$@"; do
    [[ $seen == *" $name "* ]] && continue
    seen+="$name "
    lines+=("app.classpath=\$APPDIR/$name")
  done
  awk -v cp="$(printf '%s\n' "${lines[@]}")" '
    { sub(/\r$/, "") }
    /^app\.classpath=/ { next }
    { print }
    /^\[Application\]$/ { print cp }
  ' "$cfg" >"$cfg.new"
  mv "$cfg.new" "$cfg"
}
main_cfg=$name
set_classpath fulmard "${helper_cp[@]}"
set_classpath "$main_cfg" "${app_cp[@]}"
set_classpath fulmar "${app_cp[@]}" "${helper_cp[@]}"

rm -rf "$work"
echo "app-image: $image"
