#!/usr/bin/env bash
# One entry point for every developer command. It does all set-up on a fresh Debian/Ubuntu machine
# (apt packages, Node 24, pnpm, dependencies), idempotently and quickly when already done, then runs
# the command with Node 24 first on PATH.
#   bash scripts/dev.sh test    lint, type-check, dist freshness, unit + integration tests
#   bash scripts/dev.sh bench   benchmarks (ratios against the raw tools)
#   bash scripts/dev.sh build   rebuild every action's dist/
#   bash scripts/dev.sh check   lint + type-check + dist freshness only
#   bash scripts/dev.sh tools   set up the real scanners and cosign (also done by test, bench and demo)
#   bash scripts/dev.sh exec CMD...  run CMD in the prepared environment
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

NODE_VERSION="24.21.0"
PNPM_VERSION="10.34.8"
# The apt packages, once: each with the command on PATH (or the file) that shows it is installed.
APT_PACKAGES=(
  "buildah          buildah"
  "skopeo           skopeo"
  "umoci            umoci"
  "docker-registry  docker-registry"
  "apache2-utils    htpasswd"
  "openssl          openssl"
  "busybox-static   /bin/busybox"
  "ca-certificates  /etc/ssl/certs/ca-certificates.crt"
)
tools="$root/.tools"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# apt runs only when a package is missing, and installs only the missing ones.
ensure_apt() {
  local missing=() entry package probe
  for entry in "${APT_PACKAGES[@]}"; do
    read -r package probe <<<"$entry"
    if [[ "$probe" == /* ]]; then [ -e "$probe" ] && continue
    else command -v "$probe" >/dev/null && continue
    fi
    missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing apt packages (missing: ${missing[*]})"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo -n)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Installs an npm package (node or pnpm, at a pinned version) into .tools/ once and puts its bin first on PATH.
npm_tool() {
  local name="$1" version="$2"
  local bin="$tools/$name-$version/node_modules/.bin"
  if [ ! -x "$bin/$name" ]; then
    log "installing $name $version from the npm registry into .tools/"
    npm install --prefix "$tools/$name-$version" --no-save --no-audit --no-fund --loglevel=error \
      "$name@$version" >/dev/null
  fi
  export PATH="$bin:$PATH"
}

ensure_node() {
  if command -v node >/dev/null && [ "$(node_major node)" -ge 24 ]; then return 0; fi
  npm_tool node "$NODE_VERSION"
  [ "$(node_major node)" -ge 24 ] || { echo "error: Node 24 is required and could not be installed" >&2; exit 1; }
}

ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then return 0; fi
  npm_tool pnpm "$PNPM_VERSION"
}

ensure_deps() {
  local stamp="node_modules/.install-stamp"
  if [ -f "$stamp" ] && [ "$stamp" -nt pnpm-lock.yaml ] && [ "$stamp" -nt package.json ]; then return 0; fi
  log "installing dependencies (pnpm install --frozen-lockfile)"
  pnpm install --frozen-lockfile --reporter=silent
  touch "$stamp"
}

# The real trivy, osv-scanner, syft and cosign at the pinned versions (and trivy-db's builder for the
# test databases): built once per machine from their Go modules into ~/.cache/chain-tools, or downloaded
# and sha256-verified where there is no Go (scripts/tools.ts). With CI set, a tool that cannot be had fails.
ensure_real_tools() {
  local dirs
  dirs="$(node scripts/tools.ts --dev)" || { echo "error: the real tools could not be set up (see above)" >&2; exit 1; }
  [ -n "$dirs" ] && export PATH="$dirs:$PATH"
  return 0
}

ensure_apt
ensure_node
ensure_pnpm
ensure_deps
export PATH="$root/node_modules/.bin:$PATH"

cmd="${1:-test}"
shift || true
case "$cmd" in
  check)
    biome check .
    tsc -p tsconfig.json
    node scripts/build.ts --check
    ;;
  test)
    ensure_real_tools
    biome check .
    tsc -p tsconfig.json
    node scripts/build.ts --check
    vitest run "$@"
    ;;
  build) node scripts/build.ts "$@" ;;
  bench)
    ensure_real_tools
    node scripts/bench.ts "$@"
    ;;
  demo)
    ensure_real_tools
    node scripts/demo.ts "$@"
    ;;
  tools) node scripts/tools.ts --dev ;;
  exec) exec "$@" ;;
  *) echo "unknown command: $cmd (test | bench | build | check | demo | tools | exec CMD...)" >&2; exit 2 ;;
esac
