# The app, on Neo4j when run by docker-compose.yml (GRAPH_STORE=neo4j).
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so that a source change does not reinstall them. Dev dependencies stay:
# `npm start` runs the TypeScript through tsx.
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY . .
# The web app, built once here (as root) so that `npm start`'s prestart finds it fresh.
RUN npm run build:web
# The embedded engine's folder, writable by the unprivileged user when GRAPH_STORE is not neo4j.
RUN mkdir -p data && chown node:node data

ENV PORT=4000
USER node
EXPOSE 4000
CMD ["npm", "start"]
