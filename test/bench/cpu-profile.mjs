// Preloaded into a process the benchmark starts (NODE_OPTIONS=--import <this file>), since Node 20
// refuses --cpu-prof in NODE_OPTIONS: profiles the whole life of the process and writes a
// .cpuprofile (Chrome DevTools' format) into CORRIDOR_BENCH_CPU_PROFILE_DIR when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CORRIDOR_BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // The in-thread session answers synchronously, so the profile is written before the process ends.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
