/**
 * The database a bench that empties tables (or runs Baton with a workspace of its own) uses.
 * `npm run bench` gives every bench the same BENCH_DATABASE_URL, and the report benches keep a
 * million-lead seed there (3-4 minutes to make): a bench that truncates `leads` would make the next
 * report bench seed it all again. So such a bench runs in a sibling database on the same server,
 * `<name>_<suffix>`, made when missing; when it cannot be made (no CREATEDB right), in
 * BENCH_DATABASE_URL itself, as before, and it says so.
 */
import postgres from 'postgres';

export async function scratchDatabaseUrl(url: string, suffix: string): Promise<string> {
  const target = new URL(url);
  const name = `${decodeURIComponent(target.pathname.slice(1)) || 'postgres'}_${suffix}`;
  // Unquoted in CREATE DATABASE, so lower case only: it must be found under the same name.
  if (!/^[a-z0-9_]+$/.test(name)) return url;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!found) await admin.unsafe(`create database ${name}`);
    target.pathname = `/${name}`;
    return target.toString();
  } catch (error) {
    console.log(
      `(could not use a database of its own, ${name}: ${(error as Error).message}; emptying BENCH_DATABASE_URL)`,
    );
    return url;
  } finally {
    await admin.end();
  }
}
