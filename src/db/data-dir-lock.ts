/**
 * An exclusive lock on an embedded (PGlite) data directory, held for the life of the process.
 * PGlite has no lock of its own: two processes on one directory both start, and the directory
 * is later lost. Every opener of an on-disk directory takes this lock before PGlite touches it.
 *
 * Layout: `<dataDir>/baton-lock/<n>.json`, one file per generation; the highest `n` is the lock's
 * state. Taking the lock (first time, from a released lock or from a stale holder) means creating
 * generation `n + 1` with O_EXCL, so of two starters racing for the same stale lock exactly one
 * wins; the other re-reads and finds a live holder. Release writes a `free` generation rather
 * than deleting, so the numbers only grow and a slow starter can never create a second "first" lock.
 *
 * Staleness:
 * - Same PID namespace (same boot id and `/proc/self/ns/pid`): the holder is gone when its PID
 *   is our own (a restarted container is PID 1 again), no process has that PID, or the process
 *   with that PID started at another time than the holder did (PID reused).
 * - Another host or PID namespace (a shared volume): PIDs say nothing there, so the holder
 *   refreshes its file's mtime every few seconds and is stale after `staleMs` without one.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { link, mkdir, readdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StartupError } from '../errors.js';

export const LOCK_DIR_NAME = 'baton-lock';
const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
/** A lock file is created and then written; a reader that sees it empty waits this long for the content. */
const UNWRITTEN_GRACE_MS = 2_000;
const MAX_ATTEMPTS = 50;

/** Who holds (or held) the lock; the JSON content of a generation file. */
export interface LockHolder {
  pid: number;
  /** PIDs are only comparable between processes with the same scope. */
  scope: string;
  /** Start time of the process in clock ticks since boot (Linux), to tell a reused PID. */
  startTicks: string | null;
  host: string;
  since: string;
  token: string;
  /** Written by a clean release. */
  free?: boolean;
}

/** The process taking the lock; tests pass others to play several processes. */
export type LockIdentity = Pick<LockHolder, 'pid' | 'scope' | 'startTicks' | 'host'>;

export interface DataDirLock {
  readonly dir: string;
  readonly file: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** Defaults to this process. */
  self?: LockIdentity;
  heartbeatMs?: number;
  staleMs?: number;
  /** Called once if another process took the lock over; by default the process exits. */
  onLost?: (message: string) => void;
}

export class DataDirLockedError extends StartupError {
  override name = 'DataDirLockedError';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `the data directory ${dir} is in use by another Baton process (PID ${holder.pid} on ${holder.host}, since ${holder.since}): stop that process first, or set BATON_DATA_DIR to another directory`
        : `the data directory ${dir} is being locked by another Baton process that has not yet written its PID: stop it first, or set BATON_DATA_DIR to another directory`,
    );
  }
}

/** The directory PGlite stores `dataDir` in, or null for in-memory and browser stores. */
export function onDiskPath(dataDir: string): string | null {
  if (dataDir.startsWith('file://')) return dataDir.slice('file://'.length);
  return dataDir.includes('://') ? null : dataDir;
}

// Directories this process holds: a second open in the same process must not look stale.
const heldHere = new Set<string>();

function readOr(path: string, fallback: string | null): string | null {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return fallback;
  }
}

/** Clock ticks since boot when `pid` started (field 22 of /proc/<pid>/stat), or null off Linux. */
export function processStartTicks(pid: number | 'self'): string | null {
  const stat = readOr(`/proc/${pid}/stat`, null);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

let ownIdentity: LockIdentity | undefined;
export function currentProcessIdentity(): LockIdentity {
  if (ownIdentity) return ownIdentity;
  const bootId = readOr('/proc/sys/kernel/random/boot_id', null);
  let pidNamespace: string | null = null;
  try {
    pidNamespace = readlinkSync('/proc/self/ns/pid');
  } catch {}
  ownIdentity = {
    pid: process.pid,
    scope: bootId && pidNamespace ? `linux:${bootId}:${pidNamespace}` : `host:${hostname()}`,
    startTicks: processStartTicks('self'),
    host: hostname(),
  };
  return ownIdentity;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why `holder` no longer holds the lock, or null when it may still be alive. */
export function staleReason(
  holder: LockHolder,
  heartbeatAgeMs: number,
  self: LockIdentity,
  staleMs = STALE_MS,
): string | null {
  if (holder.free) return 'released';
  const heartbeatStale = heartbeatAgeMs > staleMs;
  if (holder.scope !== self.scope) {
    return heartbeatStale ? `no heartbeat for ${Math.round(heartbeatAgeMs / 1000)} s` : null;
  }
  if (holder.pid === self.pid) return 'its PID is our own, so the process that wrote it is gone';
  if (!isAlive(holder.pid)) return `process ${holder.pid} is gone`;
  const ticks = processStartTicks(holder.pid);
  if (holder.startTicks && ticks) {
    return ticks === holder.startTicks ? null : `PID ${holder.pid} now belongs to another process`;
  }
  // No start times to compare (not Linux): a live PID counts until its heartbeat stops.
  return heartbeatStale ? `no heartbeat for ${Math.round(heartbeatAgeMs / 1000)} s` : null;
}

async function generations(lockDir: string): Promise<number[]> {
  const names = await readdir(lockDir);
  return names
    .map((name) => /^(\d+)\.json$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
}

const fileOf = (lockDir: string, generation: number) => join(lockDir, `${generation}.json`);

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);
const TEMP_MAX_AGE_MS = 60_000;

/**
 * Creates generation `generation`; false when another process created it first. The content is
 * written to a private file and hard-linked into place, so the lock never exists half-written.
 */
async function create(lockDir: string, generation: number, holder: LockHolder): Promise<boolean> {
  const target = fileOf(lockDir, generation);
  const text = `${JSON.stringify(holder)}\n`;
  const temp = join(lockDir, `.${generation}.${holder.token}.tmp`);
  await writeFile(temp, text);
  try {
    await link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    // No hard links on this filesystem: O_EXCL, and readers wait out the moment it is empty.
    try {
      await writeFile(target, text, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}

/** Removes generations below `below`, and private files a killed process left behind. */
async function removeOlder(lockDir: string, below: number): Promise<void> {
  for (const n of await generations(lockDir).catch(() => [])) {
    if (n < below) await unlink(fileOf(lockDir, n)).catch(() => {});
  }
  for (const name of await readdir(lockDir).catch(() => [])) {
    if (!name.endsWith('.tmp')) continue;
    const file = join(lockDir, name);
    const info = await stat(file).catch(() => null);
    if (info && Date.now() - info.mtimeMs > TEMP_MAX_AGE_MS) await unlink(file).catch(() => {});
  }
}

type Read = { holder: LockHolder | null; ageMs: number } | 'gone';

async function readGeneration(lockDir: string, generation: number): Promise<Read> {
  try {
    const file = fileOf(lockDir, generation);
    const [text, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let holder: LockHolder | null = null;
    try {
      const parsed = JSON.parse(text) as LockHolder;
      if (typeof parsed.pid === 'number' && typeof parsed.scope === 'string') holder = parsed;
    } catch {}
    return { holder, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

/**
 * Takes the lock on `dataDir` or throws DataDirLockedError naming the live holder. Never waits
 * for a live holder; only a lock file caught between its creation and its content is re-read.
 */
export async function acquireDataDirLock(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  const self = options.self ?? currentProcessIdentity();
  // Tests play several processes in one; a real second open in this process is refused here,
  // before any await, so two opens racing in one process cannot both get past it.
  const tracked = !options.self;
  if (tracked) {
    if (heldHere.has(dir)) throw new DataDirLockedError(dir, { ...self, since: 'earlier', token: '' });
    heldHere.add(dir);
  }
  try {
    return await take(dir, self, options);
  } catch (error) {
    if (tracked) heldHere.delete(dir);
    throw error;
  }
}

async function take(dir: string, self: LockIdentity, options: LockOptions): Promise<DataDirLock> {
  const staleMs = options.staleMs ?? STALE_MS;
  const lockDir = join(dir, LOCK_DIR_NAME);
  await mkdir(lockDir, { recursive: true });
  const mine: LockHolder = { ...self, since: new Date().toISOString(), token: randomUUID() };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [top] = await generations(lockDir);
    if (top === undefined) {
      if (await create(lockDir, 1, mine)) return held(dir, lockDir, 1, mine, options);
      continue;
    }
    const read = await readGeneration(lockDir, top);
    if (read === 'gone') continue; // cleaned up by a newer holder: look again
    if (!read.holder && read.ageMs < UNWRITTEN_GRACE_MS) {
      await new Promise((r) => setTimeout(r, 40));
      continue;
    }
    if (read.holder && !staleReason(read.holder, read.ageMs, self, staleMs)) {
      throw new DataDirLockedError(dir, read.holder);
    }
    // Free or stale: whoever creates the next generation has it; a loser looks again.
    if (await create(lockDir, top + 1, mine)) {
      await removeOlder(lockDir, top + 1);
      return held(dir, lockDir, top + 1, mine, options);
    }
  }
  // Only reached while the lock keeps changing hands or stays unwritten.
  const [top] = await generations(lockDir);
  const last = top === undefined ? 'gone' : await readGeneration(lockDir, top);
  throw new DataDirLockedError(dir, last === 'gone' ? null : last.holder);
}

function held(
  dir: string,
  lockDir: string,
  generation: number,
  mine: LockHolder,
  options: LockOptions,
): DataDirLock {
  const file = fileOf(lockDir, generation);
  const tracked = !options.self;
  let released = false;
  const onLost =
    options.onLost ??
    ((message: string) => {
      process.stderr.write(`baton: ${message}\n`);
      process.exit(1);
    });

  const lost = (why: string) => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    if (tracked) heldHere.delete(dir);
    onLost(
      `lost the lock on the data directory ${dir} (${why}): stopping so two processes never write one database`,
    );
  };
  const heartbeat = setInterval(async () => {
    const [top] = await generations(lockDir).catch(() => [generation]);
    if (top !== generation) return lost(`another process took it over as generation ${top}`);
    const now = new Date();
    await utimes(file, now, now).catch((error: NodeJS.ErrnoException) => {
      // Only a missing file is a lost lock; a passing I/O error is tried again next beat.
      if (error.code === 'ENOENT') lost('its file was removed');
    });
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  return {
    dir,
    file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      if (tracked) heldHere.delete(dir);
      // Only a holder that still has the top generation may mark it free.
      const free: LockHolder = { ...mine, since: new Date().toISOString(), free: true };
      if (await create(lockDir, generation + 1, free)) await unlink(file).catch(() => {});
    },
  };
}
