/**
 * Bench only: @neo4j/graphql 7 serving its generated API over the same Neo4j as our server, on Apollo Server 5.
 * Run as a child process by the scale harness: `node --import tsx bench/scale/neo4j-graphql-server.ts`, with
 * BENCH_NEO4J_URI, BENCH_NEO4J_PASSWORD and PORT; prints "LISTENING <url>" when ready, exits on SIGTERM.
 *
 * The type definitions map our labels (:Entity plus the kind) with @node and the traversal fields with
 * @relationship. @neo4j/graphql gives one field per relationship type, so Company.materials (three link types
 * in our API) is three fields here, and a Material's suppliers likewise.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';

export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Country @node(labels: ["Country", "Entity"]) {
    id: ID!
    name: String!
    kind: String
    companies: [Company!]! @relationship(type: "BASED_IN", direction: IN)
  }
  type Material @node(labels: ["Material", "Entity"]) {
    id: ID!
    name: String!
    kind: String
    description: String
    aliases: [String!]
    approvedSuppliers: [Company!]! @relationship(type: "APPROVED_SUPPLY_PLAN_FOR", direction: IN)
    producers: [Company!]! @relationship(type: "PRODUCES", direction: IN)
    developers: [Company!]! @relationship(type: "DEVELOPS", direction: IN)
  }
  type Company @node(labels: ["Company", "Entity"]) {
    id: ID!
    name: String!
    kind: String
    description: String
    aliases: [String!]
    approvedMaterials: [Material!]! @relationship(type: "APPROVED_SUPPLY_PLAN_FOR", direction: OUT)
    producedMaterials: [Material!]! @relationship(type: "PRODUCES", direction: OUT)
    developedMaterials: [Material!]! @relationship(type: "DEVELOPS", direction: OUT)
    country: [Country!]! @relationship(type: "BASED_IN", direction: OUT)
  }
  type SearchableEntity
    @node(labels: ["Entity"])
    @fulltext(
      indexes: [
        { indexName: "entity_search", queryName: "searchEntities", fields: ["name", "aliasText", "description"] }
      ]
    ) {
    id: ID!
    name: String!
    kind: String
    aliasText: String
    description: String
  }
`;

const uri = process.env['BENCH_NEO4J_URI'];
const password = process.env['BENCH_NEO4J_PASSWORD'];
if (!uri || !password) throw new Error('BENCH_NEO4J_URI and BENCH_NEO4J_PASSWORD are required');
const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
const schema = await new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env['PORT'] ?? 0) },
});
process.stdout.write(`LISTENING ${url}\n`);
process.once('SIGTERM', () => {
  void server
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
});
