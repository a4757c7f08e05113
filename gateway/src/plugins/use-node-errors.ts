// Partial results: a node that did not answer becomes an error naming its agency, added next to
// the data of the nodes that did (GraphQL allows data and errors in one response).
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useNodeErrors(): Plugin<{ nodeErrors: GraphQLError[] }> {
  return {
    onExecute({ args }) {
      const errors = (args.contextValue as { nodeErrors?: GraphQLError[] }).nodeErrors;
      return {
        onExecuteDone({ result, setResult }) {
          if (!errors?.length || Symbol.asyncIterator in result) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...errors] });
        },
      };
    },
  };
}
