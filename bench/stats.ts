import { availableParallelism, loadavg } from 'node:os';

/** What the PostgreSQL benches share: the scratch database's URL, timing runs and summing them up. */

/** BENCH_DATABASE_URL, or a note on how to make one and exit 2. */
export function benchDatabaseUrl(script: string): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return url;
  console.error(
    `${script} needs PostgreSQL: create a scratch database and set BENCH_DATABASE_URL, e.g.\n` +
      "  psql -h 127.0.0.1 -U postgres -c 'create database baton_funnel_bench'\n" +
      `  BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/baton_funnel_bench npm run ${script}`,
  );
  process.exit(2);
}

/** Nearest rank: the smallest sample at or above p of them (with 20 runs, p95 is the 19th, not the max). */
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;

export const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;

export const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), max: s.at(-1) ?? Number.NaN };
};

/** p95 is printed only from 20 runs on; with fewer it would be the max, so the max is all it says. */
export const line = (samples: number[]) => {
  const { p50, p95, max } = summary(samples);
  return samples.length >= 20
    ? `p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)} (n=${samples.length})`
    : `p50 ${ms(p50)}, max ${ms(max)} (n=${samples.length})`;
};

/** The load average, printed next to figures measured on a shared machine. */
export const loadLine = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;

/** `value` against its baseline from the same run, e.g. `1.8× the floor`. */
export const ratio = (value: number, baseline: number, what: string) =>
  `${(value / baseline).toFixed(2)}× ${what}`;

/** Milliseconds of each of `iterations` runs after `warmup` untimed ones; runs are numbered from 0. */
export async function timed<T>(
  run: (i: number) => Promise<T> | T,
  iterations: number,
  warmup: number,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(i);
  const samples: number[] = [];
  for (let i = warmup; i < warmup + iterations; i++) {
    const t0 = performance.now();
    await run(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * `timed` for several variants at once, in turns: each round runs every variant once, starting
 * with a different one each round, so a burst of load on the shared machine falls on all of them
 * alike and their ratio stays fair (timing one variant's runs after another's would not).
 */
export async function timedInTurn<K extends string>(
  runs: Record<K, (i: number) => Promise<unknown> | unknown>,
  iterations: number,
  warmup: number,
): Promise<Record<K, number[]>> {
  const keys = Object.keys(runs) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < warmup + iterations; i++) {
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(i + j) % keys.length]!;
      const t0 = performance.now();
      await runs[key](i);
      if (i >= warmup) samples[key].push(performance.now() - t0);
    }
  }
  return samples;
}
