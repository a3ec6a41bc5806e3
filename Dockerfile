# nec-bot: multi-stage build on Node 24 LTS. Runs as a non-root user; state lives in the /app/data volume.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
# npm ci: installs exactly the lock file (which lists every platform's optional builds), never rewrites it.
RUN npm ci --omit=dev --no-fund --no-audit

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/packages ./packages
COPY package.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY dialogs ./dialogs
COPY rules ./rules
RUN mkdir -p /app/data /app/exports && chown -R node:node /app/data /app/exports
USER node
VOLUME ["/app/data"]
EXPOSE 3000
CMD ["npm", "start"]
