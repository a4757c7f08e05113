// The one builder type every part of the contract's GraphQL types is declared on.
// For the global PothosSchemaTypes namespace.
import '@pothos/core';

/**
 * The settings of a server's builder that the contract's types need. The context and the scopes
 * are each server's own and none of these types reads them, so they stay parameters: a node's
 * builder (with plugin-scope-auth, which reads `AuthScopes`) and the gateway's (without it, where
 * the key means nothing) are both taken as they are.
 */
export type ContractBuilder<Context extends object, AuthScopes extends object> = PothosSchemaTypes.SchemaBuilder<
  PothosSchemaTypes.ExtendDefaultTypes<{
    Context: Context;
    AuthScopes: AuthScopes;
    DefaultFieldNullability: false;
  }>
>;
