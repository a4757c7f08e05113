// Preloaded into a process (NODE_OPTIONS=--import …; Node 20 refuses --cpu-prof there) by
// profile-node.ts: the first SIGUSR2 starts V8's sampling profiler, the second writes the profile
// to $CORRIDOR_CPU_PROFILE_DIR/<pid>.cpuprofile, so the profile covers the measured window only.
// The launcher hands a node its CORRIDOR_ variables but strips them from the gateway's
// environment: BENCH_CPU_PROFILE_DIR, inherited by every child, reaches the gateway too.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CORRIDOR_CPU_PROFILE_DIR ?? process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start', () => {})),
      );
      running = true;
      return;
    }
    session.post('Profiler.stop', (err, { profile }) => {
      if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    });
    running = false;
  });
}
