// Memory and CPU figures of a process the benchmark started, read from /proc as an operator would
// (Linux). CPU time is what a process spent whatever else the machine runs: on a shared machine,
// a steadier measure of cost than a rate.
import { readFile } from 'node:fs/promises';

/** A memory line (`VmHWM`, `VmRSS`) of /proc/<pid>/status, in MB. */
async function statusMb(pid: number | undefined, line: 'VmHWM' | 'VmRSS'): Promise<number> {
  if (pid === undefined) throw new Error('bench: the process is not running, so its memory cannot be read');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${line}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
  if (kb === undefined) throw new Error(`bench: /proc/${pid}/status has no ${line} line`);
  return Math.round(Number(kb) / 1024);
}

/** The peak resident memory (VmHWM) of process `pid` so far, in MB. */
export function peakRssMb(pid: number | undefined): Promise<number> {
  return statusMb(pid, 'VmHWM');
}

/** The resident memory (VmRSS) of process `pid` now, in MB. */
export function rssMb(pid: number | undefined): Promise<number> {
  return statusMb(pid, 'VmRSS');
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on every Linux we run on). */
const USER_HZ = 100;

/** The CPU time (user and system) process `pid` has spent so far, in ms. */
export async function cpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) throw new Error('bench: the process is not running, so its CPU time cannot be read');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`bench: /proc/${pid}/stat has no CPU times`);
  return (ticks * 1000) / USER_HZ;
}
