# syntax=docker/dockerfile:1
# One image, three commands (see DEPLOYMENT.md):
#   web      node web/server.js                     (the default: Next.js standalone server on $PORT)
#   cron     node --import tsx scripts/cron.ts      (the nightly scrape scheduler; /api/health on $PORT)
#   migrate  node --import tsx scripts/migrate.ts   (one-shot: apply migrations, then exit)
# Configuration comes only from the environment (.env.example lists every variable).
# NODE_IMAGE: any Debian-based Node 24 image with npm and a user `node` (scripts/ci/base-image.sh
# makes one offline).

ARG NODE_IMAGE=node:24.22-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# Every dependency, for the build.
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# The Prisma client, the standalone Next.js build, and the list of packages the cron, migrate and
# scrape scripts import (`npm run scrape` goes through with-database.ts) (an esbuild metafile: esbuild resolves their imports as tsx will).
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run db:generate && npx next build \
  && npx esbuild scripts/cron.ts scripts/migrate.ts scripts/scrape.ts scripts/with-database.ts scripts/hash-password.ts scripts/http-probe.mjs \
       --bundle --platform=node --format=esm --packages=external --tsconfig=tsconfig.json \
       --metafile=/app/script-imports.json --outdir=/tmp/script-bundle --log-level=warning

# The scripts' production dependencies only (web runs from its own traced standalone folder). No
# install scripts: the only one (prisma generate) needs the dev-only CLI, and the client is generated
# in the build stage. Prisma's query compilers for other databases go too.
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY scripts/image/keep-script-dependencies.ts ./
COPY --from=build /app/script-imports.json ./
RUN node keep-script-dependencies.ts script-imports.json node_modules \
  && find node_modules/@prisma/client/runtime \( -name '*.map' -o \( -name 'query_compiler_*' ! -name '*.postgresql.*' \) \) -delete

FROM base AS runtime
ENV NODE_ENV=production \
    HOSTNAME=0.0.0.0 \
    PORT=3000
COPY package.json tsconfig.json prisma.config.ts ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY prisma ./prisma
COPY lib ./lib
COPY scripts ./scripts
COPY --from=build /app/lib/generated ./lib/generated
# The web role: exactly the standalone output, plus the static files it does not copy itself.
COPY --from=build /app/.next/standalone ./web
COPY --from=build /app/.next/static ./web/.next/static
COPY --from=build /app/public ./web/public
# The code stays root-owned (read-only to the app); only Next's cache directory is writable.
RUN mkdir -p web/.next/cache && chown node:node web/.next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/http-probe.mjs", "/api/health"]
CMD ["node", "web/server.js"]
