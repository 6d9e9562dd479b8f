import { describe, expect, it } from 'vitest';
import { senderIsGone } from '../../../src/slack/outbox/sender-liveness.js';

const me = { instanceId: 'me', host: 'h1', pid: 100 };
const probe = (alive: number[], local: string[] = []) => ({
  pidExists: (pid: number) => alive.includes(pid),
  inThisProcess: (id: string) => local.includes(id),
});
const other = (o: Partial<{ instanceId: string; host: string; pid: number; silentSeconds: number }>) => ({
  instanceId: 'x',
  host: 'h1',
  pid: 200,
  silentSeconds: 1,
  ...o,
});

describe('senderIsGone', () => {
  it('trusts a fresh heartbeat from a process that exists on this host', () => {
    expect(senderIsGone(other({}), me, 10, probe([200]))).toBe(false);
  });
  it('knows at once that a process of this host that no longer exists is gone', () => {
    expect(senderIsGone(other({}), me, 10, probe([]))).toBe(true);
  });
  it('treats our own pid under another instance as a predecessor (a container restarted as pid 1)', () => {
    expect(senderIsGone(other({ pid: 100 }), me, 10, probe([100]))).toBe(true);
    expect(senderIsGone(other({ pid: 100 }), me, 10, probe([100], ['x']))).toBe(false);
  });
  it('waits for a stale heartbeat before calling another host gone', () => {
    expect(senderIsGone(other({ host: 'h2' }), me, 10, probe([]))).toBe(false);
    expect(senderIsGone(other({ host: 'h2', silentSeconds: 11 }), me, 10, probe([]))).toBe(true);
    expect(senderIsGone(other({ silentSeconds: 11 }), me, 10, probe([200]))).toBe(true);
  });
});
