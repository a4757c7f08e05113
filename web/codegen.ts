import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the gateway's schema: the console never writes a result type by hand.
const config: CodegenConfig = {
  schema: '../gateway/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, scalars: { JSONObject: 'Record<string, unknown>' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
