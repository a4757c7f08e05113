import { defineConfig } from 'prisma/config';

// No datasource URL here: the node connects through @prisma/adapter-pg at run time, and the CLI
// is only used for `prisma generate`.
export default defineConfig({ schema: 'prisma/schema.prisma' });
