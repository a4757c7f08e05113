// GraphiQL from its package's own files. Yoga's built-in page fetches GraphiQL's script, styles
// and editor workers from unpkg, so on an agency's closed network (or a laptop on a train) the
// page stays blank. @graphql-yoga/render-graphiql carries the same GraphiQL inlined (about 9 MB of
// JavaScript): it is imported on the first visit only, so a node that nobody browses does not
// hold it in memory.
import type { GraphiQLOptions } from 'graphql-yoga';

/** Yoga's `renderGraphiQL` option: the page, with everything it needs, in one response. */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
}
