#!/usr/bin/env bash
# The hub's base image built from Debian's packages alone: Debian 12 with OpenJDK 17's headless JRE, written as
# a docker-archive tarball that Jib takes as `tar://` base image. For builds that reach no container registry
# (an air-gapped data centre, this project's CI); with a registry, the pom's eclipse-temurin:17-jre serves.
#
#   deploy/image/base-image.sh [output.tar]        (default: target/image/debian12-jre17.tar)
#
# Needs root (the packages' maintainer scripts run in a chroot) and mmdebstrap (apt-get install mmdebstrap).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/target/image/debian12-jre17.tar}
suite=${DEBIAN_SUITE:-bookworm}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
work=$(mktemp -d /tmp/certhub-base-image.XXXXXX)
trap 'rm -rf "$work"' EXIT

command -v mmdebstrap >/dev/null || { echo "mmdebstrap is missing: apt-get install mmdebstrap" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "run as root: the packages' maintainer scripts need a chroot" >&2; exit 1; }

# minbase: dpkg and the essential tools, no apt; the JRE's certificates come from Debian's ca-certificates.
# Documentation, manual pages and translations are left out (update-alternatives still wants man1 to link in);
# the apt lists and caches are not kept.
mmdebstrap --variant=minbase --mode=root \
  --include=openjdk-17-jre-headless,ca-certificates,tzdata \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --setup-hook='mkdir -p "$1"/usr/share/man/man1' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*' \
  "$suite" "$work/rootfs.tar" "$mirror"

# one layer, its config and the manifest: the layout `docker save` writes, which Jib reads
diff_id=$(sha256sum "$work/rootfs.tar" | cut -d' ' -f1)
mkdir -p "$work/archive/$diff_id"
mv "$work/rootfs.tar" "$work/archive/$diff_id/layer.tar"
java_home=$(tar -tf "$work/archive/$diff_id/layer.tar" | sed -n 's#^\./\(usr/lib/jvm/java-17-openjdk-[a-z0-9]*\)/$#/\1#p' | head -1)
[ -n "$java_home" ] || { echo "no JRE 17 in the built file system" >&2; exit 1; }
cat >"$work/config.json" <<JSON
{"architecture":"$(dpkg --print-architecture)","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","LANG=C.UTF-8","JAVA_HOME=$java_home"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created_by":"deploy/image/base-image.sh: Debian $suite minbase + openjdk-17-jre-headless"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/archive/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["certhub-base:%s-jre17"],"Layers":["%s/layer.tar"]}]\n' \
  "$config_id" "$suite" "$diff_id" >"$work/archive/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work/archive" -cf "$out" manifest.json "$config_id.json" "$diff_id"
echo "base image: $out ($(du -h "$out" | cut -f1)); build on it with -Djib.from.image=tar://$out"
