#!/usr/bin/env bash
# The adopter test: what a platform team does with the published packages.
#
#   1. build and pack every public package of this repository;
#   2. make a fresh app with @backstage/create-app and install the tarballs
#      into it, wired by the snippets of the packages' own READMEs;
#   3. start its backend (on free ports, never the portal's) and check
#      /api/availability/health, /api/availability/checks, the
#      availability:validate action and the two bundled templates;
#   4. build its frontend;
#   5. install the CLI alone from its tarballs in an empty folder and run it
#      on a manifest.
#
# Usage: yarn test:adopter   (ADOPTER_DIR=<dir> keeps the work there; it is
# removed on success otherwise). Needs Node 22+, the npm registry, no GitHub.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${ADOPTER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/availability-adopter.XXXXXX")}"
create_app="${CREATE_APP_VERSION:-latest}"
mkdir -p "$work"
started=$SECONDS
backend_pid=""

log() { printf '\n[adopter %3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() {
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
  (cd "$root/$location" && yarn build)
done

log "Packing ${#packages[@]} packages into $work/tarballs"
mkdir -p "$work/tarballs"
for location in "${packages[@]}"; do
  (cd "$root/$location" && yarn pack --out "$work/tarballs/$(basename "$location").tgz" >/dev/null)
done
ls -l "$work/tarballs"

log "Creating a fresh app with @backstage/create-app@$create_app"
rm -rf "$work/app"
echo adopter-app | npm exec --yes --package="@backstage/create-app@$create_app" -- \
  backstage-create-app --skip-install --path "$work/app"

log "Adding the packages as their READMEs say"
node "$root/scripts/adopter/wire.js" --repo "$root" --app "$work/app" --tarballs "$work/tarballs"

log "Installing the app"
(cd "$work/app" && yarn install) > "$work/install.log" 2>&1 || {
  tail -40 "$work/install.log"
  fail "yarn install in the fresh app"
}
node "$root/scripts/adopter/duplicates.js" "$work/app" || fail "duplicate copies of core Backstage packages"

log "Starting the backend"
port="$(node -e 'const s=require("node:net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')"
cat > "$work/app/app-config.adopter.yaml" <<EOF
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
EOF
(cd "$work/app" && set -m && exec yarn workspace backend start \
  --config ../../app-config.yaml --config ../../app-config.adopter.yaml) \
  > "$work/backend.log" 2>&1 &
backend_pid=$!
node "$root/scripts/adopter/probe.js" "http://localhost:$port" || {
  tail -60 "$work/backend.log"
  fail "the backend checks"
}
kill -- "-$backend_pid" 2>/dev/null || true
wait "$backend_pid" 2>/dev/null || true
backend_pid=""

log "Building the frontend"
(cd "$work/app" && yarn workspace app build) > "$work/frontend.log" 2>&1 || {
  tail -40 "$work/frontend.log"
  fail "the frontend build"
}

log "Installing the CLI alone from its tarballs"
rm -rf "$work/cli" && mkdir -p "$work/cli"
(cd "$work/cli" && npm init -y >/dev/null &&
  npm install --no-audit --no-fund "$work/tarballs/availability-cli.tgz" \
    "$work/tarballs/availability-common.tgz" > "$work/cli-install.log" 2>&1) ||
  fail "npm install of the CLI tarballs"
cp -r "$root/packages/availability-cli/src/__fixtures__/good" "$work/cli/manifests"
(cd "$work/cli" && npx availability check --format json manifests > report.json) ||
  fail "availability check on a gold manifest"
node -e '
  const r = require(process.argv[1]);
  if (r.level !== "gold" || r.workloads.length === 0) {
    console.error("unexpected report", r.level, r.workloads.length);
    process.exit(1);
  }
  console.log(`CLI: level ${r.level}, score ${r.score}, ${r.workloads.length} objects`);
' "$work/cli/report.json" || fail "the CLI report"
echo "CLI install: $(du -sh "$work/cli/node_modules" | cut -f1)"

log "All adopter checks passed in $((SECONDS - started)) s"
if [[ -z "${ADOPTER_DIR:-}" ]]; then
  rm -rf "$work"
fi
