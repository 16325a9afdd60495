#!/bin/bash
# Builds a Debian unstable ("sid") chroot with strongSwan 6.x and OpenSSL 3.5+ (ML-KEM) for the
# interop lab. Usage: build-sid-chroot.sh TARGET MIRROR
#
# Every mount made here lives in a private mount namespace (unshare --mount) and disappears with
# it, so an interrupted build never leaves /proc or /dev mounted below TARGET. The result appears
# atomically: the build runs in TARGET.partial, which is renamed to TARGET at the end.
set -euo pipefail

target=${1:?usage: build-sid-chroot.sh TARGET MIRROR}
mirror=${2:?usage: build-sid-chroot.sh TARGET MIRROR}
partial="$target.partial"
packages=(charon-systemd strongswan-swanctl strongswan-pki libcharon-extra-plugins
  libcharon-extauth-plugins libstrongswan-standard-plugins libstrongswan-extra-plugins
  openssl iproute2)

if [[ -e "$target" ]]; then
  echo "build-sid-chroot: $target exists already" >&2
  exit 2
fi
if [[ -e "$partial" ]]; then
  if findmnt -rn -o TARGET | grep -qF "$partial"; then
    echo "build-sid-chroot: something is mounted below $partial; not deleting it" >&2
    findmnt -rn -o TARGET | grep -F "$partial" >&2
    exit 2
  fi
  echo "build-sid-chroot: removing the unfinished build $partial"
  rm -rf --one-file-system "$partial"
fi
mkdir -p "$partial"

echo "build-sid-chroot: debootstrap sid from $mirror"
unshare --mount --propagation private \
  debootstrap --variant=minbase sid "$partial" "$mirror"

# No service may start inside the chroot while packages install.
printf '#!/bin/sh\nexit 101\n' > "$partial/usr/sbin/policy-rc.d"
chmod 755 "$partial/usr/sbin/policy-rc.d"

echo "build-sid-chroot: installing ${packages[*]}"
unshare --mount --propagation private /bin/bash -euc '
  root=$1
  shift
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  chroot "$root" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "$@" >/dev/null
  chroot "$root" apt-get clean
' bash "$partial" "${packages[@]}"

chroot "$partial" dpkg-query -W -f '${Package} ${Version}\n' \
  charon-systemd strongswan-swanctl libstrongswan libstrongswan-standard-plugins \
  libcharon-extauth-plugins openssl libssl3t64 > "$partial/fulmar-versions.txt" 2>/dev/null || true
if ! chroot "$partial" openssl list -kem-algorithms 2>/dev/null | grep -qi 'ML-KEM-768'; then
  echo "build-sid-chroot: the chroot's OpenSSL offers no ML-KEM-768" >&2
  exit 3
fi
date -u +%Y-%m-%dT%H:%M:%SZ > "$partial/fulmar-built-at.txt"
mv "$partial" "$target"
echo "build-sid-chroot: done: $target"
cat "$target/fulmar-versions.txt"
