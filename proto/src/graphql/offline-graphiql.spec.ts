import { describe, expect, it } from 'vitest';
import { renderOfflineGraphiQL } from './offline-graphiql.js';

describe('renderOfflineGraphiQL', () => {
  it('carries GraphiQL in the page: no script, style sheet or worker fetched from elsewhere', async () => {
    const page = await renderOfflineGraphiQL({ title: 'Corridor node' });
    expect(page).toContain('<title>Corridor node</title>');
    expect(page).not.toMatch(/(?:src|href)=["']?https?:\/\//);
    expect(page).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs/);
    expect(page.length).toBeGreaterThan(1_000_000);
  });

  it('renders a server’s page once, and each set of options apart', async () => {
    const options = { title: 'Corridor gateway' };
    expect(await renderOfflineGraphiQL(options)).toBe(await renderOfflineGraphiQL({ ...options }));
    expect(await renderOfflineGraphiQL({ title: 'Another' })).toContain('<title>Another</title>');
  });
});
