/**
 * Helpers shared by the benchmarks: the memory of the processes they start,
 * free ports, waiting for a server to answer.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { request } from 'undici';

/**
 * The argv that starts atrium as `npm start` does: the compiled server
 * (`node dist/main.js`), built first if its sources changed (scripts/build.ts
 * skips an up-to-date build). Not through tsx, whose compiler would add ~40 MB
 * of memory and its own start-up work to what the benches measure.
 */
export function atriumCommand(root: string): string[] {
  const build = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/build.ts'), 'server'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the server failed');
  return [path.join(root, 'dist/main.js')];
}

/** The memory limit issue #11 sets for an atrium process. */
export const RSS_TARGET_BYTES = 200 * 1024 * 1024;

export interface ProcessMemory {
  /** Resident set size now (VmRSS), bytes. */
  rss: number;
  /** Highest resident set size since the process started (VmHWM), bytes. */
  peak: number;
}

/**
 * The resident memory of a process, all its threads included, from
 * `/proc/<pid>/status`; null where there is no /proc (not Linux) or once
 * the process is gone, so read it before stopping the process.
 */
export function processMemory(pid: number | undefined): ProcessMemory | null {
  if (pid === undefined) return null;
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kB = (name: string) => Number(new RegExp(`^${name}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  const memory = { rss: kB('VmRSS'), peak: kB('VmHWM') };
  return Number.isNaN(memory.rss) || Number.isNaN(memory.peak) ? null : memory;
}

export const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MB`;

/** Resolves once `url` answers below 500; rejects if `child` exits first or after a minute. */
export async function waitForHttp(url: string, what: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await request(url, { method: 'GET' });
      await res.body.dump();
      if (res.statusCode < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start`);
}

/** Stops a child with SIGTERM (a graceful stop), SIGKILL after 10 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
