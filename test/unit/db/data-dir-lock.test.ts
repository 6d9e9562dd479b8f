import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  acquireDataDirLock,
  currentProcessIdentity,
  DataDirLockedError,
  LOCK_DIR_NAME,
  type LockHolder,
  type LockIdentity,
  processStartTicks,
} from '../../../src/db/data-dir-lock.js';

let root: string;
let dir: string;
let n = 0;
beforeEach(async () => {
  root ??= await mkdtemp(join(tmpdir(), 'baton-lock-'));
  dir = join(root, `data-${++n}`);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const me = currentProcessIdentity();
const elsewhere = (name: string, pid = 4242): LockIdentity => ({
  pid,
  scope: `test-namespace-${name}`,
  startTicks: null,
  host: `host-${name}`,
});

/** Leaves a lock file as a process that is no longer here would have left it. */
async function leaveLock(generation: number, holder: Partial<LockHolder>, ageMs = 0): Promise<void> {
  await mkdir(join(dir, LOCK_DIR_NAME), { recursive: true });
  const file = join(dir, LOCK_DIR_NAME, `${generation}.json`);
  await writeFile(file, JSON.stringify({ since: '2026-12-01T00:00:00.000Z', token: 't', ...holder }));
  const at = new Date(Date.now() - ageMs);
  await utimes(file, at, at);
}

const lockFiles = async () => (await readdir(join(dir, LOCK_DIR_NAME))).sort();
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the lock to be refused');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(DataDirLockedError);
      return error as DataDirLockedError;
    },
  );

/** A PID that certainly has no process: a child that has exited and been reaped. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('the data directory lock', () => {
  it('is exclusive within a process and names the absolute directory and the holder PID', async () => {
    const lock = await acquireDataDirLock(relative(process.cwd(), dir));
    expect(lock.dir).toBe(dir);
    const error = await refusal(acquireDataDirLock(dir));
    expect(error.message).toContain(dir);
    expect(error.message).toContain(`PID ${process.pid}`);
    expect(error.message).not.toContain('\n');
    await lock.release();
    // Release leaves a "free" generation; the next holder takes the one after it.
    const again = await acquireDataDirLock(dir);
    expect(again.file).toBe(join(dir, LOCK_DIR_NAME, '3.json'));
    expect(await lockFiles()).toEqual(['3.json']);
    await again.release();
    // Two opens racing in one process: the second must not take its own PID for a stale lock.
    const both = await Promise.allSettled([acquireDataDirLock(dir), acquireDataDirLock(dir)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const r of both) if (r.status === 'fulfilled') await r.value.release();
  });

  it('refuses while another live process on this machine holds it', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      await leaveLock(1, { ...me, pid: child.pid!, startTicks: processStartTicks(child.pid!) });
      const error = await refusal(acquireDataDirLock(dir));
      expect(error.message).toContain(`PID ${child.pid}`);
      expect(error.message).toContain(dir);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock whose process is gone (kill -9)', async () => {
    await leaveLock(4, { ...me, pid: await deadPid() });
    const lock = await acquireDataDirLock(dir);
    expect(await lockFiles()).toEqual(['5.json']);
    const holder = JSON.parse(await readFile(lock.file, 'utf8')) as LockHolder;
    expect(holder.pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock whose PID is our own (a restarted container is PID 1 again)', async () => {
    await leaveLock(1, { ...me, startTicks: '1' });
    const lock = await acquireDataDirLock(dir);
    expect(lock.file.endsWith('2.json')).toBe(true);
    await lock.release();
  });

  it('takes over a lock whose PID now belongs to another process (PID reused)', async () => {
    // The parent is alive, but it started at another time than the recorded holder.
    const reused = process.ppid;
    const ticks = processStartTicks(reused);
    expect(ticks).not.toBeNull(); // Linux: the start time is what tells the two apart
    await leaveLock(1, { ...me, pid: reused, startTicks: String(Number(ticks) + 1) });
    const lock = await acquireDataDirLock(dir);
    expect(lock.file.endsWith('2.json')).toBe(true);
    await lock.release();
  });

  it('judges a holder on another host or PID namespace by its heartbeat', async () => {
    await leaveLock(1, elsewhere('b', process.pid), 5_000);
    const error = await refusal(acquireDataDirLock(dir, { staleMs: 30_000 }));
    expect(error.message).toContain(`PID ${process.pid} on host-b`);
    await leaveLock(1, elsewhere('b', process.pid), 31_000);
    const lock = await acquireDataDirLock(dir, { staleMs: 30_000 });
    expect(lock.file.endsWith('2.json')).toBe(true);
    await lock.release();
  });

  it('keeps its own heartbeat fresh, and a holder that lost it to another process is told', async () => {
    const onLost = vi.fn();
    const a = await acquireDataDirLock(dir, { self: elsewhere('a'), heartbeatMs: 20, onLost });
    const first = (await stat(a.file)).mtimeMs;
    await vi.waitFor(async () => expect((await stat(a.file)).mtimeMs).toBeGreaterThan(first));
    // B, elsewhere, with a limit below any heartbeat's age (a clock far ahead), takes over.
    const b = await acquireDataDirLock(dir, { self: elsewhere('b'), staleMs: -60_000, onLost: () => {} });
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1));
    expect(onLost.mock.calls[0]![0]).toMatch(/^lost the lock on the data directory .* stopping/);
    await a.release(); // must not free B's lock
    await refusal(acquireDataDirLock(dir, { self: elsewhere('c') }));
    await b.release();
  });

  it('gives a stale lock to exactly one of many starters racing for it', async () => {
    for (let round = 0; round < 20; round++) {
      dir = join(root, `race-${round}`);
      // Stale for all of them: its heartbeat stopped a minute ago.
      await leaveLock(1, elsewhere('dead'), 60_000);
      const starters = Array.from({ length: 6 }, (_, i) => elsewhere(String(i), 1000 + i));
      const results = await Promise.allSettled(
        starters.map((self) => acquireDataDirLock(dir, { self, onLost: () => {} })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const winner = JSON.parse(await readFile(won[0]!.value.file, 'utf8')) as LockHolder;
      for (const r of results) {
        if (r.status === 'rejected') {
          expect(r.reason).toBeInstanceOf(DataDirLockedError);
          expect((r.reason as DataDirLockedError).holder?.pid).toBe(winner.pid);
        }
      }
      await won[0]!.value.release();
    }
  });

  it('waits for a lock file caught between creation and content, then judges it', async () => {
    await mkdir(join(dir, LOCK_DIR_NAME), { recursive: true });
    const file = join(dir, LOCK_DIR_NAME, '1.json');
    await writeFile(file, '');
    const attempt = refusal(acquireDataDirLock(dir));
    // The other process writes its content a moment after creating the file.
    await new Promise((r) => setTimeout(r, 200));
    await writeFile(file, JSON.stringify({ ...elsewhere('writer'), since: 'now', token: 'w' }));
    expect((await attempt).holder?.host).toBe('host-writer');

    // Left empty for longer than any writer takes: the writer died there.
    await writeFile(file, '');
    const old = new Date(Date.now() - 10_000);
    await utimes(file, old, old);
    const lock = await acquireDataDirLock(dir);
    expect(lock.file.endsWith('2.json')).toBe(true);
    await lock.release();
  });
});
