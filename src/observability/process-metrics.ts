import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's process metrics (event-loop lag, heap, GC, open handles, CPU, memory). They
 * describe the process, not an app, so one registry serves every app a process runs (tests start
 * several): registering the defaults twice would duplicate their series and GC observers.
 */
function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** The process metrics in Prometheus text format. */
export function renderProcessMetrics(): Promise<string> {
  return processRegistry().metrics();
}
