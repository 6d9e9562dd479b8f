# syntax=docker/dockerfile:1
# Node 20: the major the tests and CI run on (test/unit/container.test.ts keeps them in step).
# Build stage: compile TypeScript with the full dependency set.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci's postinstall applies these to node_modules (patch-package): without them the driver is unpatched.
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build also makes dist/pglite-template (a migrated embedded database that a new /data starts
# from, instead of running initdb at the first start) from these migrations with this script.
COPY drizzle ./drizzle
COPY scripts ./scripts
RUN npm run build

# Runtime stage: production dependencies, compiled code and migrations only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    BATON_CONFIG=/config/baton.yaml \
    BATON_DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# dist/db/migrate-cli.js reads migrations from ../../drizzle, i.e. /app/drizzle:
#   docker run --rm -v baton-data:/data baton:latest node dist/db/migrate-cli.js
COPY drizzle ./drizzle
RUN mkdir -p /data /config && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
