#!/usr/bin/env bash
# npm test: type check, production build, then every test (unit, integration on a real PostgreSQL,
# the simulator over real HTTP, the browser). Integration tests create throwaway databases on the server in TEST_DATABASE_URL or
# DATABASE_URL; with neither set, on the embedded PostgreSQL (started for the run).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEST_DATABASE_URL:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
  exec npx tsx scripts/with-database.ts bash scripts/test.sh "$@"
fi

echo "== type check"
npx tsc --noEmit

echo "== production build (the standalone server test runs it, as the image does)"
npx next build

echo "== unit and integration tests"
npx vitest run "$@"

echo "== end-to-end tests (Playwright, Debian Chromium)"
npx playwright test
