// `npm run bench`'s last step: the report benches (bench:funnel, bench:retro, bench:voc) need a
// PostgreSQL scratch database seeded with a million leads (4-5 minutes the first time), so they run
// only when BENCH_DATABASE_URL names one; otherwise this says how.
import { spawnSync } from 'node:child_process';

if (!process.env.BENCH_DATABASE_URL) {
  console.log(
    '\nreport benches skipped: set BENCH_DATABASE_URL to a scratch PostgreSQL database to run them ' +
      '(npm run bench:reports; see README, "Benchmarks").',
  );
  process.exit(0);
}
const run = spawnSync('npm', ['run', 'bench:reports'], { stdio: 'inherit' });
process.exit(run.status ?? 1);
