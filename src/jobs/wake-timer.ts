/** A timer that wakes a loop every so often until cancelled. */
export interface WakeTimer {
  cancel(): void;
}

/**
 * Calls `wake` every `everyMs`, re-arming a timeout after each call. The runner and the outbox
 * only need a short, fixed tick (the database decides what is due), so no cron: node-schedule
 * with luxon and cron-parser was about 6 MB of an idle process's memory (issue 16).
 */
export function wakeEvery(everyMs: number, wake: () => void): WakeTimer {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const arm = () => {
    timer = setTimeout(() => {
      if (cancelled) return;
      arm();
      wake();
    }, everyMs);
  };
  arm();
  return {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}
