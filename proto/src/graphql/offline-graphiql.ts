// GraphiQL from its package's own files. Yoga's built-in page fetches GraphiQL's script, styles
// and editor workers from unpkg, so on an agency's closed network (or a laptop on a train) the
// page stays blank. @graphql-yoga/render-graphiql carries the same GraphiQL inlined (about 9 MB of
// JavaScript): it is imported on the first visit only, so a node that nobody browses does not
// hold it in memory, and the page is rendered once per set of options (a server has one), not
// rebuilt as a 9 MB string on every visit.
import type { GraphiQLOptions } from 'graphql-yoga';

const rendered = new Map<string, Promise<string>>();

/** Yoga's `renderGraphiQL` option: the page, with everything it needs, in one response. */
export function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const key = JSON.stringify(options);
  let page = rendered.get(key);
  if (!page) {
    page = import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => renderGraphiQL(options));
    // A failed import is not kept: the next visit tries again.
    page.catch(() => rendered.delete(key));
    rendered.set(key, page);
  }
  return page;
}
