// The `node` suite's baseline: a bare graphql-yoga server, in a process of its own as the node is,
// serving a schema of the node's shape (its printed schema, no resolvers) with Yoga's defaults
// and none of Corridor's plugins (no token check, no query limits, no error masking). It prints
// its port on stdout once it listens.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';

const typeDefs = readFileSync(new URL('../../services/schema.graphql', import.meta.url), 'utf8');
const yoga = createYoga({ schema: createSchema({ typeDefs }), graphqlEndpoint: '/graphql', landingPage: false, logging: false });
const server = createServer(yoga);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
