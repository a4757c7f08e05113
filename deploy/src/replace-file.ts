// Replacing a file that another process polls (the published membership): written aside, then
// renamed over it, so a reader sees the old document or the new one, never half of one.
import { renameSync, writeFileSync } from 'node:fs';

export function replaceFile(file: string, text: string): void {
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, text, { mode: 0o644 });
  renameSync(aside, file);
}
