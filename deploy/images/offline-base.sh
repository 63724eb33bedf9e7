#!/usr/bin/env bash
# Builds a container base image tarball without a registry and without a Docker daemon, for Jib's
# `from.image = tar://...` (see README "Container images"). The real images build FROM eclipse-temurin:17-jre;
# this base stands in for it where no registry can be reached, with the same layout:
#   /opt/java/openjdk   a Java runtime made with jlink from the local JDK (java.se plus the jdk.* runtime modules
#                       tickforge needs: jdk.httpserver for /metrics, jdk.unsupported for Kafka, crypto, JFR)
#   /lib, /usr/lib      glibc, libgcc, libstdc++, zlib and libquadmath from Debian packages (apt-get download):
#                       what the JVM and ND4J's bundled natives link against
#   /etc                passwd and group with the unprivileged user tickforge (10001), nsswitch.conf
#   /tmp                1777
# and PATH, JAVA_HOME and LANG set as eclipse-temurin sets them. It has no shell and no package manager.
#
# usage: deploy/images/offline-base.sh OUT_DIR      -> OUT_DIR/tickforge-base.tar (docker-save format)
# Debian packages are cached in ${TICKFORGE_DEB_CACHE:-$HOME/.cache/tickforge/debs}; /var/cache/apt/archives is
# used when it already holds them. JAVA_HOME (or the java on PATH) must be a JDK 17+ with jmods.
set -euo pipefail

out="${1:?usage: $0 OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
tarball="$out/tickforge-base.tar"
work="$out/work"
debs="${TICKFORGE_DEB_CACHE:-$HOME/.cache/tickforge/debs}"
packages=(libc6 libgcc-s1 libstdc++6 zlib1g libquadmath0)
modules="java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.security.auth,\
jdk.security.jgss,jdk.management,jdk.management.jfr,jdk.jfr,jdk.naming.dns,jdk.net,jdk.zipfs,jdk.charsets,\
jdk.localedata"
uid=10001
epoch=1   # every file's mtime, so the same inputs give the same layers

need() { command -v "$1" >/dev/null 2>&1 || { echo "offline-base: $1 is needed ($2)" >&2; exit 1; }; }
need dpkg-deb "Debian's dpkg"
need sha256sum coreutils
need tar "GNU tar"

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
[ -x "$JAVA_HOME/bin/jlink" ] || { echo "offline-base: no jlink in JAVA_HOME=$JAVA_HOME (a JDK is needed)" >&2; exit 1; }
[ -d "$JAVA_HOME/jmods" ] || { echo "offline-base: no jmods in $JAVA_HOME (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }

# the same JDK, packages and script give the same tarball: reuse it
stamp="$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) | ${packages[*]} | $(sha256sum "$0" | cut -c1-16)"
if [ -f "$tarball" ] && [ "$(cat "$out/tickforge-base.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "offline-base: $tarball is up to date"
  exit 0
fi

rm -rf "$work"
mkdir -p "$work/rootfs" "$work/jre/opt/java" "$debs"

echo "offline-base: Debian packages ${packages[*]}"
for p in "${packages[@]}"; do
  deb="$(ls "$debs/${p}_"*.deb /var/cache/apt/archives/"${p}_"*_amd64.deb 2>/dev/null | head -n 1 || true)"
  if [ -z "$deb" ]; then
    need apt-get "to download $p"
    (cd "$debs" && apt-get download -qq "$p" 2>/dev/null)
    deb="$(ls "$debs/${p}_"*.deb | head -n 1)"
  fi
  dpkg-deb -x "$deb" "$work/rootfs"
done
rm -rf "$work/rootfs/usr/share/doc" "$work/rootfs/usr/share/lintian" "$work/rootfs/usr/share/locale" \
  "$work/rootfs/usr/share/gcc" "$work/rootfs/usr/share/gdb" "$work/rootfs/usr/share/man" "$work/rootfs/usr/share/info"

mkdir -p "$work/rootfs/etc" "$work/rootfs/tmp" "$work/rootfs/root" "$work/rootfs/home"
chmod 1777 "$work/rootfs/tmp"
cat > "$work/rootfs/etc/passwd" <<EOF
root:x:0:0:root:/root:/sbin/nologin
tickforge:x:$uid:$uid:tickforge:/var/lib/tickforge:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
EOF
cat > "$work/rootfs/etc/group" <<EOF
root:x:0:
tickforge:x:$uid:
nogroup:x:65534:
EOF
echo "hosts: files dns" > "$work/rootfs/etc/nsswitch.conf"

echo "offline-base: jlink from $JAVA_HOME"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/jre/opt/java/openjdk"

layer() { # layer NAME DIR -> prints the layer's diff id (sha256 of the uncompressed tar)
  (cd "$2" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort > "$work/$1.list")
  tar --create --file "$work/$1.tar" --directory "$2" --no-recursion --numeric-owner --owner=0 --group=0 \
    --mtime="@$epoch" --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    --files-from "$work/$1.list"
  echo "sha256:$(sha256sum "$work/$1.tar" | cut -d' ' -f1)"
}
rootfs_id="$(layer rootfs "$work/rootfs")"
jre_id="$(layer jre "$work/jre")"
java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$work/jre/opt/java/openjdk/release")"

cat > "$work/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/opt/java/openjdk","JAVA_VERSION=$java_version","LANG=C.UTF-8"],
           "User":"$uid:$uid",
           "Labels":{"org.opencontainers.image.description":"tickforge offline base: jlink'd Java $java_version and Debian libraries"}},
 "rootfs":{"type":"layers","diff_ids":["$rootfs_id","$jre_id"]},
 "history":[{"created":"1970-01-01T00:00:01Z","created_by":"deploy/images/offline-base.sh: Debian ${packages[*]}, /etc, /tmp"},
            {"created":"1970-01-01T00:00:01Z","created_by":"deploy/images/offline-base.sh: jlink $java_version to /opt/java/openjdk"}]}
EOF
cat > "$work/manifest.json" <<EOF
[{"Config":"config.json","RepoTags":["tickforge/base:offline"],"Layers":["rootfs.tar","jre.tar"]}]
EOF
tar --create --file "$tarball.tmp" --directory "$work" --numeric-owner --owner=0 --group=0 --mtime="@$epoch" \
  manifest.json config.json rootfs.tar jre.tar
mv "$tarball.tmp" "$tarball"
echo "$stamp" > "$out/tickforge-base.stamp"
rm -rf "$work"
echo "offline-base: $tarball ($(du -h "$tarball" | cut -f1); Java $java_version, user $uid)"
