// Reads a V8 .cpuprofile written by cpu-profiler.mjs: self time per function, in microseconds,
// keyed "name file:line" with paths cut to the package (services/…, gateway/…, a dependency's
// own path), so the profile scripts (profile-*.ts) print the same names.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function, heaviest first; `(idle)` left out unless asked for. */
export function selfTimeByFunction(file: string, options: { idle?: boolean } = {}): [string, number][] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (f.functionName === '(idle)' && !options.idle) continue;
    const where = f.url
      .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
      .replace(/^file:\/\/.*?\/(services|gateway|proto|deploy|test)\//, '$1/');
    const key = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byFunction].sort((a, b) => b[1] - a[1]);
}
