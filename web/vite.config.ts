import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { anyAsciiChunks, splitAnyAsciiTable } from './any-ascii-split';
import { firstLoadBudget } from './bundle-budget';

export default defineConfig({
  plugins: [react(), splitAnyAsciiTable(), firstLoadBudget()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 5173 },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Vite's default chunk-size warning (500 kB) holds: any-ascii's table, the one module over it,
    // is cut into parts with chunks of their own (any-ascii-split.ts).
    rolldownOptions: { output: { codeSplitting: { groups: [anyAsciiChunks] } } },
  },
});
