#!/usr/bin/env bash
# The adopter test: what a platform team does with the published packages.
#
#   1. build and pack every public package of this repository;
#   2. make a fresh app with @backstage/create-app, bring it to the Backstage
#      release this repository is on (versions:bump), and install the
#      tarballs into it, wired by the snippets of the packages' own READMEs;
#      no core Backstage package may be installed twice;
#   3. start its backend (on free ports, never the portal's) and check
#      /api/availability/health, /api/availability/checks, the
#      availability:validate action and the two bundled templates;
#   4. build its frontend and find the availability plugin in the bundle;
#   5. install the CLI alone from its tarballs in an empty folder and run it
#      on a manifest.
#
# Usage: yarn test:adopter   (ADOPTER_DIR=<dir> keeps the work there; it is
# removed on success otherwise). Needs Node 22+, the npm registry, no GitHub.
# Yarn's cache and global folder are ADOPTER_CACHE (default
# ~/.cache/availability-adopter), kept between runs so that a rerun downloads
# nothing; YARN_GLOBAL_FOLDER overrides it. Nothing is written into the
# repository but the packages' build output (dist, dist-types: ignored).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${ADOPTER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/availability-adopter.XXXXXX")}"
create_app="${CREATE_APP_VERSION:-latest}"
cache="${ADOPTER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/availability-adopter}"
export YARN_GLOBAL_FOLDER="${YARN_GLOBAL_FOLDER:-$cache/yarn}"
export npm_config_cache="${npm_config_cache:-$cache/npm}"
mkdir -p "$work" "$YARN_GLOBAL_FOLDER" "$npm_config_cache"
started=$SECONDS
backend_pid=""

step_started=$SECONDS
results=()
log() {
  step_started=$SECONDS
  printf '\n[adopter %3ds] %s\n' "$((SECONDS - started))" "$*"
}
# One line per finished step for the summary, with the step's duration.
passed() { results+=("ok    $(printf '%4ds' "$((SECONDS - step_started))")  $*"); }
summary() {
  printf '\n[adopter] summary (total %d s):\n' "$((SECONDS - started))"
  if ((${#results[@]})); then printf '  %s\n' "${results[@]}"; fi
}
failures=0
# A failed check: recorded, and the independent checks after it still run.
failed() {
  results+=("FAIL $(printf '%4ds' "$((SECONDS - step_started))")  $*")
  failures=$((failures + 1))
}
# A failed step that the rest depends on: stop here.
fail() {
  failed "$@"
  summary >&2
  printf '\n[adopter] FAILED: %s\n(work kept in %s)\n' "$*" "$work" >&2
  exit 1
}
cleanup() {
  if [[ -n "$backend_pid" ]]; then
    kill -- "-$backend_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

public_packages() {
  (cd "$root" && node -e '
    const { execSync } = require("node:child_process");
    for (const line of execSync("yarn workspaces list --json", { encoding: "utf8" }).trim().split("\n")) {
      const { location } = JSON.parse(line);
      const pkg = require(`./${location}/package.json`);
      if (location !== "." && !pkg.private) console.log(location);
    }')
}

log "Building the public packages"
(cd "$root" && yarn tsc)
packages=()
while IFS= read -r location; do packages+=("$location"); done < <(public_packages)
for location in "${packages[@]}"; do
  (cd "$root/$location" && yarn build) || fail "yarn build in $location"
done
passed "built ${#packages[@]} public packages"

log "Packing ${#packages[@]} packages into $work/tarballs"
mkdir -p "$work/tarballs"
for location in "${packages[@]}"; do
  (cd "$root/$location" && yarn pack --out "$work/tarballs/$(basename "$location").tgz" >/dev/null) ||
    fail "yarn pack in $location"
done
ls -l "$work/tarballs"
passed "packed ${#packages[@]} tarballs"

log "Creating a fresh app with @backstage/create-app@$create_app"
rm -rf "$work/app"
echo adopter-app | npm exec --yes --package="@backstage/create-app@$create_app" -- \
  backstage-create-app --skip-install --path "$work/app" || fail "create-app@$create_app"
passed "create-app@$create_app: $(node -p "require('$work/app/backstage.json').version" 2>/dev/null) app"

# create-app writes the ranges of the release it was published with, which
# can trail ours (0.9.2 writes 1.55; its backend then fails at startup
# against today's registry). An adopter runs versions:bump first, as our
# README says; the release manifest is made from this repository's yarn.lock
# (see manifest.js), and the repository's own CLI runs it, as the app's is
# not installed yet.
log "Bumping the app to Backstage $(node -p "require('$root/backstage.json').version")"
node "$root/scripts/adopter/manifest.js" "$root" "$work/manifest.json"
(cd "$work/app" && BACKSTAGE_MANIFEST_FILE="$work/manifest.json" \
  node "$root/node_modules/@backstage/cli/bin/backstage-cli" versions:bump \
  --skip-install --skip-migrate) > "$work/bump.log" 2>&1 || {
  tail -40 "$work/bump.log"
  fail "versions:bump of the fresh app"
}
passed "versions:bump to $(node -p "require('$work/app/backstage.json').version"): $(grep -c '^bumping' "$work/bump.log") ranges bumped"

log "Adding the packages as their READMEs say"
node "$root/scripts/adopter/wire.js" --repo "$root" --app "$work/app" --tarballs "$work/tarballs" ||
  fail "wiring by the READMEs' snippets"
passed "wired by the READMEs' snippets"

log "Installing the app"
(cd "$work/app" && yarn install) > "$work/install.log" 2>&1 || {
  tail -40 "$work/install.log"
  fail "yarn install in the fresh app"
}
passed "yarn install in the app ($(grep -o 'Done.* in .*' "$work/install.log" | tail -1))"
step_started=$SECONDS
if node "$root/scripts/adopter/duplicates.js" "$work/app" | tee "$work/duplicates.log"; then
  passed "$(tail -1 "$work/duplicates.log")"
else
  failed "a core Backstage package installed twice"
fi

log "Starting the backend"
port="$(node -e 'const s=require("node:net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
cat > "$work/app/app-config.adopter.yaml" <<EOF
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
EOF
# In a session of its own, so that stopping its process group stops yarn,
# backstage-cli and the backend's node process together.
setsid bash -c 'cd "$1" && exec yarn workspace backend start \
  --config ../../app-config.yaml --config ../../app-config.adopter.yaml' \
  _ "$work/app" > "$work/backend.log" 2>&1 &
backend_pid=$!
node "$root/scripts/adopter/probe.js" "http://localhost:$port" "$backend_pid" |
  tee "$work/probe.log" || {
  grep -iE '"level":"error"| error ' "$work/backend.log" | tail -20
  tail -20 "$work/backend.log"
}
while IFS= read -r line; do
  case "$line" in
    "ok "*) passed "backend: ${line#ok }" ;;
    "FAIL "*) failed "backend: ${line#FAIL }" ;;
  esac
done < "$work/probe.log"
kill -- "-$backend_pid" 2>/dev/null || true
wait "$backend_pid" 2>/dev/null || true
backend_pid=""

log "Building the frontend"
if (cd "$work/app" && yarn workspace app build) > "$work/frontend.log" 2>&1; then
  passed "frontend build (yarn workspace app build)"
  # app.packages: all finds the plugin in packages/app's dependencies.
  if grep -rqF 'pluginId:"availability"' "$work/app/packages/app/dist/static"; then
    passed "frontend bundle holds the availability plugin"
  else
    failed "frontend bundle holds the availability plugin"
  fi
else
  tail -40 "$work/frontend.log"
  failed "frontend build (yarn workspace app build)"
fi

log "Installing the CLI alone from its tarballs"
rm -rf "$work/cli" && mkdir -p "$work/cli"
(cd "$work/cli" && npm init -y >/dev/null &&
  npm install --no-audit --no-fund "$work/tarballs/availability-cli.tgz" \
    "$work/tarballs/availability-common.tgz" > "$work/cli-install.log" 2>&1) ||
  fail "npm install of the CLI tarballs"
passed "CLI alone: npm install of its tarballs, $(du -sh "$work/cli/node_modules" | cut -f1)"
step_started=$SECONDS
cp -r "$root/packages/availability-cli/src/__fixtures__/good" "$work/cli/manifests"
if (cd "$work/cli" && npx availability check --format json manifests > report.json) &&
  verdict="$(node -e '
    const r = require(process.argv[1]);
    if (r.level !== "gold" || r.workloads.length === 0) {
      console.error("unexpected report", r.level, r.workloads.length);
      process.exit(1);
    }
    console.log(`level ${r.level}, score ${r.score}, ${r.workloads.length} workloads`);
  ' "$work/cli/report.json")"; then
  passed "CLI alone: availability check on a gold manifest: $verdict"
else
  failed "CLI alone: availability check on a gold manifest"
fi

summary
if ((failures > 0)); then
  printf '\n[adopter] FAILED: %d checks (work kept in %s)\n' "$failures" "$work" >&2
  exit 1
fi
printf '\n[adopter] all checks passed in %d s\n' "$((SECONDS - started))"
if [[ -z "${ADOPTER_DIR:-}" ]]; then
  rm -rf "$work"
fi
