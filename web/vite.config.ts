import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { anyAsciiChunks, splitAnyAsciiTable } from './any-ascii-split';
import { firstLoadBudget } from './bundle-budget';

const REACT_CHUNK = {
  name: 'react',
  test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-intl|@formatjs[\\/][^\\/]+|intl-messageformat)[\\/]/,
};

export default defineConfig({
  plugins: [react(), splitAnyAsciiTable(), firstLoadBudget()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Vite's default chunk-size warning (500 kB) holds: any-ascii's table, the one module over it,
    // is cut into parts with chunks of their own (any-ascii-split.ts). React and react-intl get a
    // chunk of their own too, as every page and the map's chunk share them: left to itself the
    // bundler folds them into the entry once the map's chunk imports them, which then passes
    // 500 kB (the first load is the same either way: this chunk is part of it).
    rolldownOptions: { output: { codeSplitting: { groups: [anyAsciiChunks, REACT_CHUNK] } } },
  },
});
