/** Who this sender is, as the other senders see it in outbox_senders. */
export interface SenderIdentity {
  instanceId: string;
  host: string;
  pid: number;
}

export interface OtherSender extends SenderIdentity {
  /** Seconds since its last heartbeat, by the database's clock. */
  silentSeconds: number;
}

/**
 * Whether another sender is gone, so its claims may be freed now rather than when their locks run
 * out. Silence alone proves it after `staleSeconds` (any host). On our own host the process table
 * proves it at once: its pid no longer exists, or it is our own pid but not a sender of this
 * process (a container restarted with the same pid, e.g. 1). A live process keeps its claims: a pid
 * that exists is trusted until its heartbeat goes stale (a reused pid only delays recovery, never
 * steals a live claim).
 */
export function senderIsGone(
  other: OtherSender,
  me: SenderIdentity,
  staleSeconds: number,
  probe: { pidExists: (pid: number) => boolean; inThisProcess: (instanceId: string) => boolean },
): boolean {
  if (other.silentSeconds > staleSeconds) return true;
  if (other.host !== me.host) return false;
  if (other.pid === me.pid) return !probe.inThisProcess(other.instanceId);
  return !probe.pidExists(other.pid);
}

/** `kill(pid, 0)` probes without signalling: ESRCH means no such process, EPERM means it exists. */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
