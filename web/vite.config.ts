import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { firstLoadBudget } from './bundle-budget';

export default defineConfig({
  plugins: [react(), firstLoadBudget()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // One chunk is over Vite's default 500 kB: contact-files, which carries any-ascii's
    // transliteration table (546 kB, for a vCard's ASCII file name) and loads only when an officer
    // saves a contact or a CSV. The first load has its own budget (bundle-budget.ts), and
    // test/e2e/console-bundle.test.ts holds every other chunk to 500 kB.
    chunkSizeWarningLimit: 560,
    rolldownOptions: {
      output: {
        // React and react-intl in a chunk of their own, as every page and the map's chunk share them:
        // left to itself the bundler folds them into the entry once the map's chunk imports them too,
        // which then passes 500 kB (the first load is the same either way: this chunk is part of it).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-intl|@formatjs[\\/][^\\/]+|intl-messageformat)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
