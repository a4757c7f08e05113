// A failure the officer must see at once, said in the server's words.
import type { ReactNode } from 'react';

/** urql tags its messages with where they failed ("[GraphQL] ", "[Network] "); the officer needs only what failed. */
export function errorText(error: { message: string }): string {
  return error.message.replace(/^\[\w+\] /, '');
}

/** Why an operation failed: the node's own words (its first GraphQL error), else the transport's. */
export function failureText(error: { graphQLErrors: readonly { message: string }[]; message: string } | undefined): string {
  return errorText(error?.graphQLErrors[0] ?? error ?? { message: 'no answer' });
}

/** What the server said, after `children` when given ("Not saved: …"), announced to a screen reader as it appears. */
export function ErrorAlert({ error, children }: { error: { message: string }; children?: ReactNode }) {
  return (
    <p className="error" role="alert">
      {children === undefined ? (
        errorText(error)
      ) : (
        <>
          {children}: {errorText(error)}
        </>
      )}
    </p>
  );
}
