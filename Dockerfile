# nec-bot: multi-stage build on Node 24 LTS. Runs as a non-root user; state lives in the /app/data volume.
FROM node:24-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
# npm install (not ci): npm 11 wants every optional platform build of the dev linter in the lock for ci.
RUN npm install --omit=dev --no-fund --no-audit

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
