#!/usr/bin/env bash
# Builds the Fulmar VPN Debian package (fulmar_<version>-1_amd64.deb) with JDK 17's jpackage:
# the app image of ../app-image.sh (the tray app fulmar-app, the CLI fulmar and the helper fulmard
# with one slim runtime) in /opt/fulmar, plus the systemd unit, the operators group, the desktop
# entry and the MIME types that the maintainer scripts in deb/ put in place (docs/installing.md
# says what changes where).
#
# Input is the output of `./mvnw package` (jars and their runtime dependencies):
#   helper/target/helper-<version>.jar          + helper/target/lib/*.jar
#   client-app/target/client-app-<version>.jar  + client-app/target/lib/*.jar
# Needs: jpackage, jdeps and jar (JDK 17), dpkg-deb and fakeroot. Takes about 2 minutes on an
# idle 2-core machine (5 when it is busy), most of it compressing the package, so it is not part
# of `mvn verify`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

helper_dir=$root/helper/target
app_dir=$root/client-app/target
dest=$root/installers/target
version=
image_only=false
maintainer=packaging@fulmar.invalid

# Debian packages needed at run time that jpackage cannot find in the runtime's ELF files: GTK for
# JavaFX (its native code is unpacked from a jar at run time), ip and nft for the helper.
package_deps="libgtk-3-0, iproute2, nftables"

usage() {
  cat <<EOF
Usage: $0 [options]
  --helper-dir DIR   helper build output (default: helper/target)
  --app-dir DIR      client-app build output (default: client-app/target)
  --dest DIR         where the .deb goes; work files go to DIR/deb-work (default: installers/target)
  --version V        package version (default: from the helper jar's name; -SNAPSHOT becomes ~SNAPSHOT)
  --maintainer EMAIL the Maintainer address, shown as "Fulmar VPN <EMAIL>" (default: $maintainer)
  --app-image-only   stop after the app image (DIR/deb-work/image/fulmar-app), no .deb
EOF
}

die() {
  echo "build-deb: $*" >&2
  exit 1
}

while (($#)); do
  case "$1" in
    --helper-dir) helper_dir=$2; shift 2 ;;
    --app-dir) app_dir=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --maintainer) maintainer=$2; shift 2 ;;
    --app-image-only) image_only=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
done

[[ -d $helper_dir ]] || die "no directory $helper_dir (run ./mvnw package)"
[[ -d $app_dir ]] || die "no directory $app_dir (run ./mvnw package)"
mkdir -p "$dest"
helper_dir=$(cd "$helper_dir" && pwd)
app_dir=$(cd "$app_dir" && pwd)
dest=$(cd "$dest" && pwd)

for tool in jpackage jar; do
  command -v "$tool" >/dev/null || die "'$tool' not found: install a JDK 17 (openjdk-17-jdk-headless)"
done
if [[ $image_only == false ]]; then
  for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || die "'$tool' not found: apt-get install $tool"
  done
fi

if [[ -z $version ]]; then
  for jar in "$helper_dir"/helper-*.jar; do
    [[ $jar =~ -(sources|javadoc|tests|test-sources)\.jar$ ]] && continue
    version=$(basename "$jar" .jar)
    version=${version#helper-}
  done
  [[ -n $version ]] || die "no helper-<version>.jar in $helper_dir (run ./mvnw package)"
fi
version=${version/-SNAPSHOT/~SNAPSHOT}
[[ $version =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || die "version '$version' is not a Debian upstream version"

work=$dest/deb-work
rm -rf "$work"
mkdir -p "$work"
start=$SECONDS

# The app's icon, from the client-app jar (several sizes for the desktop's icon theme).
icons=$work/icons
mkdir -p "$icons"
for jar in "$app_dir"/client-app-*.jar; do
  [[ $jar =~ -(sources|javadoc|tests|test-sources)\.jar$ ]] && continue
  (cd "$icons" && jar xf "$jar" dev/fulmar/app/icons) || true
done
icon_dir=$icons/dev/fulmar/app/icons
icon_args=()
if [[ -f $icon_dir/app-256.png ]]; then
  icon_args=(--icon "$icon_dir/app-256.png")
else
  echo "build-deb: warning: no app icon in the client-app jar (dev/fulmar/app/icons/app-256.png)" >&2
fi

"$here/../app-image.sh" --os linux --version "$version" --dest "$work" \
  --helper-dir "$helper_dir" --app-dir "$app_dir" "${icon_args[@]}"
image=$work/image/fulmar-app

# Files the maintainer scripts install outside /opt/fulmar (jpackage copies lib/ as it is).
sys=$image/lib/system
install -D -m 0644 "$here/fulmard.service" "$sys/systemd/fulmard.service"
install -D -m 0644 "$here/fulmard-backoff.conf" "$sys/systemd/fulmard-backoff.conf"
install -D -m 0644 "$here/fulmar.sysusers" "$sys/sysusers.d/fulmar.conf"
install -D -m 0644 "$here/fulmar-app.desktop" "$sys/applications/fulmar-app.desktop"
install -D -m 0644 "$here/fulmar-mime.xml" "$sys/mime/fulmar.xml"
install -D -m 0644 "$root/docs/installing.md" "$sys/doc/installing.md"
for png in "$icon_dir"/app-*.png; do
  [[ -e $png ]] || continue
  size=$(basename "$png" .png)
  size=${size#app-}
  install -D -m 0644 "$png" "$sys/icons/hicolor/${size}x${size}/apps/fulmar.png"
done

if [[ $image_only == true ]]; then
  echo "build-deb: app image in $image ($((SECONDS - start)) s)"
  exit 0
fi

resources=$work/resources
mkdir -p "$resources"
install -m 0644 "$here/deb/control" "$resources/control"
for script in postinst prerm postrm; do
  install -m 0755 "$here/deb/$script" "$resources/$script"
done

echo "build-deb: building the .deb (jpackage + dpkg-deb under fakeroot)"
jpackage --type deb --dest "$dest" --app-image "$image" \
  --name fulmar-app --linux-package-name fulmar --app-version "$version" --linux-app-release 1 \
  --vendor "Fulmar VPN" --description "IKEv2/IPsec remote-access VPN client" \
  --linux-deb-maintainer "$maintainer" --linux-app-category net \
  --linux-package-deps "$package_deps" \
  --resource-dir "$resources"
deb=$dest/fulmar_${version}-1_$(dpkg --print-architecture).deb
[[ -f $deb ]] || die "jpackage did not write $deb"
echo "build-deb: $deb ($(du -h "$deb" | cut -f1), $((SECONDS - start)) s)"
