/**
 * Starts Convoca the way `npm start` does (tsx src/server.ts), waits for the first 200 on `/`,
 * reads the resident memory of its process tree, and stops it.
 *
 * @example
 * const s = await startServer({ dataDir, port: 3400 }); console.log(s.msToFirst200); await s.stop();
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type RunningServer = {
  pid: number;
  msToFirst200: number;
  rssMb: () => number;
  stop: () => Promise<void>;
};

export async function startServer(o: {
  dataDir: string;
  port: number;
  demo?: boolean;
}): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn('node_modules/.bin/tsx', ['src/server.ts'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      CONVOCA_DATA_DIR: o.dataDir,
      PORT: String(o.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CONVOCA_DEMO: o.demo === false ? '0' : '1',
      CONVOCA_ADMIN_PASSWORD: 'bench-admin-password',
    },
  });
  const url = `http://127.0.0.1:${o.port}/`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited before answering');
    try {
      const res = await fetch(url);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 120_000)
      throw new Error('server did not answer within 120 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  const msToFirst200 = Math.round(performance.now() - started);
  const pid = child.pid!;
  return {
    pid,
    msToFirst200,
    rssMb: () => Math.round(treeRssKb(pid) / 1024),
    stop: async () => {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 100 && child.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode === null) process.kill(-pid, 'SIGKILL');
    },
  };
}

/** Resident memory (kB) of a process and all its descendants, from /proc. */
export function treeRssKb(root: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // process ended meanwhile
    }
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}
