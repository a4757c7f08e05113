// Resident memory and CPU time of the processes a suite launched, read from /proc (Linux): the
// launcher keeps no process ids, so a server is found by the TCP port it listens on. CPU time
// spent on a piece of work says what it costs whatever else the machine runs meanwhile.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The process listening on this TCP port on this machine. */
export async function pidListeningOn(port: number): Promise<number> {
  const { stdout } = await run('ss', ['-Hltnp', `sport = :${port}`]);
  const pid = /pid=(\d+)/.exec(stdout)?.[1];
  if (!pid) throw new Error(`bench: no process found listening on port ${port}`);
  return Number(pid);
}

/** The process's resident memory now and at its peak so far (VmRSS, VmHWM), in MB. */
export async function residentMb(pid: number): Promise<{ now: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

let ticksPerSecond: number | undefined;

/** CPU time (user and system) the process has used so far, in ms. */
export async function cpuMs(pid: number): Promise<number> {
  ticksPerSecond ??= Number((await run('getconf', ['CLK_TCK'])).stdout.trim()) || 100;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, in parentheses): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
