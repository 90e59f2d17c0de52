#!/usr/bin/env bash
# CI: builds the production image and runs it as DEPLOYMENT.md does, against the machine's
# PostgreSQL (host networking, a fresh database of its own):
#   - validates docker-compose.yml with `docker-compose config`;
#   - builds the Dockerfile (base: node:$NODE_VERSION-bookworm-slim when a registry serves it, else
#     a local one made by scripts/ci/base-image.sh and kept on the engine between runs);
#   - checks the image size against IMAGE_BUDGET_MB, and that it runs as a user other than root;
#   - migrate role: applies every migration, then finds the database up to date;
#   - `npm run scrape` (the cron role's engine) from the simulator, so the data is fresh;
#   - web role: /api/health, /api/ready 200, an API page whose `next` link is on PUBLIC_URL and
#     answers 200 in turn, the container's own health probe;
#   - cron role: its /api/health.
# Starts a Docker engine when none answers (Debian's docker.io; overlay2 storage, vfs as the fallback;
# no iptables, no bridge; its own socket and data root) and stops it again when done.
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE_VERSION=${NODE_VERSION:-24.22.3}
NPM_VERSION=${NPM_VERSION:-11.19.1}
IMAGE_BUDGET_MB=${IMAGE_BUDGET_MB:-400}
IMAGE=${IMAGE:-durban-valuation-roll-explorer:ci}
ENGINE_SOCKET=/run/dvre-docker.sock
ENGINE_ROOT=${DVRE_DOCKER_ROOT:-/var/lib/dvre-docker}
PUBLIC_URL=https://valuations.example.org
server=postgresql://postgres@127.0.0.1:5432

say() { echo "image-smoke: $*"; }
fail() { echo "image-smoke: FAILED: $*" >&2; exit 1; }

engine_pid=""
containers=()
simulator_pid=""
db=""
cleanup() {
  local status=$?
  for container in "${containers[@]}"; do
    if [ "$status" -ne 0 ]; then docker logs --tail 40 "$container" 2>&1 | sed "s/^/[$container] /" >&2 || true; fi
    docker rm -f "$container" >/dev/null 2>&1 || true
  done
  [ -n "$simulator_pid" ] && kill "$simulator_pid" 2>/dev/null || true
  [ -n "$db" ] && psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  if [ -n "$engine_pid" ]; then
    kill "$engine_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$engine_pid" 2>/dev/null || break; sleep 1; done
  fi
  exit "$status"
}
trap cleanup EXIT

# ---- Docker engine ---------------------------------------------------------------------------

start_engine() {
  local driver=$1
  mkdir -p "$ENGINE_ROOT" /run/dvre-docker
  dockerd -H "unix://$ENGINE_SOCKET" --data-root "$ENGINE_ROOT" --exec-root /run/dvre-docker \
    --pidfile /run/dvre-docker.pid --storage-driver "$driver" --iptables=false --ip-masq=false --bridge=none \
    >"$ENGINE_ROOT.$driver.log" 2>&1 &
  engine_pid=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    kill -0 "$engine_pid" 2>/dev/null || break
    sleep 1
  done
  kill "$engine_pid" 2>/dev/null || true
  wait "$engine_pid" 2>/dev/null || true
  engine_pid=""
  tail -5 "$ENGINE_ROOT.$driver.log" >&2
  return 1
}

if ! docker info >/dev/null 2>&1; then
  export DOCKER_HOST=unix://$ENGINE_SOCKET
  if ! docker info >/dev/null 2>&1; then
    if ! command -v dockerd >/dev/null; then
      say "installing docker.io"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
    fi
    say "starting a Docker engine on $ENGINE_SOCKET"
    start_engine overlay2 || { say "overlay2 storage failed; trying vfs"; start_engine vfs; } || fail "no Docker engine could start"
  fi
fi
say "engine: $(docker info -f 'Docker {{.ServerVersion}}, {{.Driver}} storage')"

# ---- docker-compose.yml ----------------------------------------------------------------------

if ! command -v docker-compose >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi
# The file's required secrets, as .env would provide them (values do not matter for validation).
POSTGRES_PASSWORD=validate CURSOR_SECRET=validate docker-compose --project-directory . -f docker-compose.yml config -q \
  || fail "docker-compose config rejects docker-compose.yml"
say "docker-compose config: docker-compose.yml is valid"

# ---- Base image and build ----------------------------------------------------------------------

node_image=node:${NODE_VERSION}-bookworm-slim
if ! docker image inspect "$node_image" >/dev/null 2>&1 && ! timeout 60 docker pull -q "$node_image" >/dev/null 2>&1; then
  node_image=dvre-node-base:$NODE_VERSION
  if docker image inspect "$node_image" >/dev/null 2>&1; then
    say "base: $node_image (built earlier, kept on the engine)"
  else
    if ! command -v debootstrap >/dev/null; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    fi
    scripts/ci/base-image.sh "$node_image" "$NODE_VERSION" "$NPM_VERSION"
  fi
fi

say "building $IMAGE from $node_image"
started=$SECONDS
# The classic builder: BuildKit would fetch the Dockerfile frontend from a registry.
build_log=$(mktemp /tmp/dvre-image-build.XXXXXX.log)
DOCKER_BUILDKIT=0 docker build --network host --build-arg "NODE_IMAGE=$node_image" -t "$IMAGE" . >"$build_log" 2>&1 \
  || { tail -60 "$build_log" >&2; fail "docker build failed (whole log: $build_log)"; }
rm -f "$build_log"
build_seconds=$((SECONDS - started))
# Earlier runs' images and stages pile up on the kept data root; a day's worth stays as build cache.
docker image prune -f --filter until=24h >/dev/null || true
size_mb=$(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%d", $1 / 1000000 }')
say "built in ${build_seconds} s; image size ${size_mb} MB (budget ${IMAGE_BUDGET_MB} MB)"
[ "$size_mb" -le "$IMAGE_BUDGET_MB" ] || fail "the image is ${size_mb} MB, over the ${IMAGE_BUDGET_MB} MB budget"

user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
uid=$(docker run --rm --network none "$IMAGE" id -u)
[ -n "$user" ] && [ "$uid" != 0 ] || fail "the image runs as root (USER '$user', uid $uid)"
say "runs as $user (uid $uid); $(docker run --rm --network none "$IMAGE" node --version)"

# ---- The roles, against a fresh database -------------------------------------------------------

free_port() { node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
get() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || true; }
wait_for_200() {
  local url=$1 container=$2
  for _ in $(seq 1 90); do
    [ "$(get "$url")" = 200 ] && return 0
    [ "$(docker inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" = true ] || fail "$container exited before $url answered"
    sleep 1
  done
  fail "$url did not answer 200 within 90 s"
}

db="dvre_smoke_$(date +%s)_$$"
psql -q "$server/postgres" -c "CREATE DATABASE $db"
secret() { head -c 32 /dev/urandom | base64 | tr -d '\n'; }
app_env=(-e "DATABASE_URL=$server/$db" -e "CURSOR_SECRET=$(secret)" -e "SESSION_SECRET=$(secret)" -e "PUBLIC_URL=$PUBLIC_URL" -e LOG_LEVEL=warn)
run_role() { docker run --rm --network host "${app_env[@]}" "$@"; }

migrations=$(find prisma/migrations -mindepth 1 -maxdepth 1 -type d | wc -l)
out=$(run_role "$IMAGE" node --import tsx scripts/migrate.ts) || fail "migrate role failed: $out"
echo "$out" | grep -q "applied $migrations migration(s)" || fail "migrate role applied not all $migrations migrations: $out"
out=$(run_role "$IMAGE" node --import tsx scripts/migrate.ts) || fail "migrate role failed the second time: $out"
echo "$out" | grep -q "database is up to date" || fail "migrate role, run again: $out"
say "migrate role: applied $migrations migrations, then up to date"

simulator_port=$(free_port)
npx tsx scripts/simulate-site.ts --port "$simulator_port" --rows 300 >/dev/null 2>&1 &
simulator_pid=$!
for _ in $(seq 1 60); do [ "$(get "http://127.0.0.1:$simulator_port/")" != 000 ] && break; sleep 1; done
# As DEPLOYMENT.md runs a one-off scrape: `docker compose run --rm cron npm run scrape -- …`.
run_role -e "VALUATION_BASE_URL=http://127.0.0.1:$simulator_port" "$IMAGE" \
  npm run --silent scrape -- --delay-ms 0 --concurrency 4 --json >/dev/null || fail "npm run scrape in the image failed"
kill "$simulator_pid" 2>/dev/null || true
simulator_pid=""
say "npm run scrape in the image: the simulated roll stored"

web_port=$(free_port)
web=dvre-smoke-web-$$
containers+=("$web")
docker run -d --name "$web" --network host "${app_env[@]}" -e "PORT=$web_port" "$IMAGE" >/dev/null
base=http://127.0.0.1:$web_port
wait_for_200 "$base/api/health" "$web"
[ "$(get "$base/api/ready")" = 200 ] || fail "/api/ready: $(curl -sS "$base/api/ready")"
page=$(curl -sS --fail --max-time 10 "$base/api/valuations?limit=5") || fail "/api/valuations did not answer 200"
next=$(node -e 'const b = JSON.parse(process.argv[1]); console.log(b.next ?? "")' "$page")
case "$next" in
  "$PUBLIC_URL"/*) ;;
  *) fail "the next link is not on PUBLIC_URL: '$next'" ;;
esac
[ "$(get "$base${next#"$PUBLIC_URL"}")" = 200 ] || fail "the next link $next does not answer 200"
docker exec "$web" node scripts/http-probe.mjs /api/ready || fail "the container's own probe of /api/ready failed"
say "web role: /api/health 200, /api/ready 200, /api/valuations 200 with next on PUBLIC_URL, which answers 200"

cron_port=$(free_port)
cron=dvre-smoke-cron-$$
containers+=("$cron")
docker run -d --name "$cron" --network host "${app_env[@]}" -e "PORT=$cron_port" "$IMAGE" node --import tsx scripts/cron.ts >/dev/null
wait_for_200 "http://127.0.0.1:$cron_port/api/health" "$cron"
docker exec "$cron" node scripts/http-probe.mjs /api/health || fail "the cron container's own health probe failed"
say "cron role: /api/health 200"

say "passed (image ${size_mb} MB, built in ${build_seconds} s)"
