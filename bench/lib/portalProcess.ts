/**
 * Runs the repository's real backend (packages/backend) as its own process
 * group, the way `backstage-cli package start` runs it (the CLI's node
 * transform, NODE_ENV=development, cwd packages/backend), without the file
 * watcher; and stops the whole group again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Whether nothing listens on `port` (any interface). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });
}

/** The first free port of `candidates`. */
export async function firstFreePort(candidates: number[]): Promise<number> {
  for (const port of candidates) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`none of the ports ${candidates.join(', ')} is free`);
}

export interface BackendProcess {
  pid: number;
  logFile: string;
  /** Resolves when the process has exited (never rejects). */
  exited: Promise<void>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export function startBackend(options: {
  configFiles: string[];
  logFile: string;
  env?: Record<string, string>;
}): BackendProcess {
  const out = fs.openSync(options.logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs', {
        paths: [REPO_ROOT],
      }),
      'src/index',
      ...options.configFiles.flatMap(file => ['--config', file]),
    ],
    {
      cwd: path.dirname(require.resolve('backend/package.json')),
      // Its own process group, so that stop() reaches every child.
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(REPO_ROOT, 'tsconfig.json'),
        ...options.env,
      },
    },
  );
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('could not start the backend');
  }
  const exited = new Promise<void>(resolve => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    pid,
    logFile: options.logFile,
    exited,
    async stop(graceMs = 10_000) {
      signalGroup('SIGTERM');
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>(resolve =>
          setTimeout(() => resolve(true), graceMs).unref(),
        ),
      ]);
      // Children of the group may outlive the leader; SIGKILL reaches them too.
      signalGroup('SIGKILL');
      if (timedOut) await exited;
    },
  };
}

/** Polls `url` until it answers 200; fails early if `process` exits. */
export async function waitForOk(
  url: string,
  options: { timeoutMs: number; backend?: BackendProcess },
): Promise<number> {
  const started = Date.now();
  let gone = false;
  options.backend?.exited.then(() => {
    gone = true;
  });
  for (;;) {
    // A plugin that fails to start leaves the process up, answering 503.
    const failed =
      options.backend &&
      /Backend startup failed|EADDRINUSE/.test(
        tail(options.backend.logFile, 200),
      );
    if (failed) {
      throw new Error(
        `the backend failed to start:\n${tail(options.backend!.logFile, 20)}`,
      );
    }
    if (gone) {
      throw new Error(
        `the backend exited before ${url} answered; see ${options.backend?.logFile}`,
      );
    }
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return Date.now() - started;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > options.timeoutMs) {
      throw new Error(
        `${url} did not answer 200 within ${options.timeoutMs} ms`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

/** The last `lines` lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
