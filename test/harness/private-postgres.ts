import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's postgresql-15 package puts the server binaries; PG_BIN overrides it. */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away PostgreSQL cluster of the test's own (initdb into a temporary directory, a free
 * port, fsync off), so a test can stop and start the server under a running Baton — as `.ci/run`
 * does for the suite. As root the server runs as the `postgres` user (it refuses to run as root).
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly asPostgres: string[],
  ) {}

  /** postgres:// URL of the cluster's `postgres` database (trust auth, user postgres). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<PrivatePostgres> {
    if (!existsSync(join(PG_BIN, 'initdb')) || !existsSync(join(PG_BIN, 'pg_ctl'))) {
      throw new Error(
        `PostgreSQL 15 server binaries not found in ${PG_BIN} (initdb, pg_ctl): install the postgresql-15 package, or set PG_BIN to their directory`,
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'baton-private-pg-'));
    const asPostgres: string[] = [];
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
      asPostgres.push('runuser', '-u', 'postgres', '--');
    }
    const pg = new PrivatePostgres(dir, await freePort(), asPostgres);
    await pg.#pg('initdb', ['-D', pg.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    await pg.start();
    return pg;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c max_connections=100',
    ].join(' ');
    await this.#pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-o',
      options,
      'start',
    ]);
  }

  /** Stops the server (`fast`: clients are told and disconnected; `immediate`: processes are killed). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.#pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
  }

  /** Stops the server if it runs and removes the cluster. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }

  async #pg(binary: string, args: string[]): Promise<void> {
    const [command, ...rest] = [...this.asPostgres, join(PG_BIN, binary), ...args];
    try {
      await run(command!, rest, { timeout: 60_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`${binary} ${args.at(-1)} failed: ${e.stderr?.trim() || e.message}`);
    }
  }
}
