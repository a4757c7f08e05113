import type { CodegenConfig } from '@graphql-codegen/cli';

const here = (path: string) => new URL(path, import.meta.url).pathname;

// Typed documents from the node's printed schema (services/schema.graphql, a text contract): the
// gateway never writes a node answer's type by hand, and never imports the node's code. Paths are
// from this file, so that node-documents.spec.ts can run it from anywhere.
const config: CodegenConfig = {
  schema: here('../services/schema.graphql'),
  documents: [here('src/**/*.ts'), `!${here('src/node-gql/**/*')}`, `!${here('src/**/*.spec.ts')}`],
  generates: {
    [here('src/node-gql/')]: {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.js',
        scalars: { JSONObject: 'Record<string, unknown>' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
