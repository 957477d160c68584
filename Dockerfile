# The GraphQL server, for docker-compose.yml (which also runs Neo4j). It talks to Neo4j through NEO4J_URI,
# so the image needs no Java: the embedded launcher is only for machines without Docker.

# The explorer page (/explore) is bundled by `npm run build` with Vite, a development package, in a stage of its
# own; the runtime image gets the bundle with its source stamp, which the server checks at start. The launcher,
# the build's other target, is not built: this image has no Java and talks to Neo4j through NEO4J_URI.
FROM node:20-bookworm-slim AS explorer
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY explorer ./explorer
COPY scripts ./scripts
COPY src ./src
RUN npm run build -- explorer

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY schema.graphql ./
COPY cypher ./cypher
COPY src ./src
COPY data ./data
COPY corpus ./corpus
COPY --from=explorer /app/explorer ./explorer
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
