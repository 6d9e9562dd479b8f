import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/test-app.js';
import { command, MONDAY_10, notes, offerDm, ownerOf, seller, sendLead } from './support/routing.js';

const [A, B, C, D] = ['U0RRA0001', 'U0RRB0001', 'U0RRC0001', 'U0RRD0001'];

const CONFIG = `
locale: en
segments: [smb]
channels:
  leads: C0LEADS
routing:
  segments:
    smb:
      mode: round_robin
roster:
${seller(A, 'weight: 2')}
${seller(B)}
${seller(C)}
${seller(D)}
  - user: U0MGR0001
    roles: [manager, admin]
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ configYaml: CONFIG });
  for (const id of [A, B, C, D]) t.slack.addUser({ id, name: id.toLowerCase(), tz: 'UTC' });
  t.clock.set(MONDAY_10);
});
afterAll(async () => {
  await t?.stop();
});

/** Sends `n` leads a minute apart and returns who got each, in order. */
async function route(n: number): Promise<string[]> {
  const owners: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = await sendLead(t);
    owners.push((await ownerOf(t, id))!);
    t.clock.advanceMinutes(1);
  }
  return owners;
}

const tally = (owners: string[]) => ({
  A: owners.filter((o) => o === A).length,
  B: owners.filter((o) => o === B).length,
  C: owners.filter((o) => o === C).length,
  D: owners.filter((o) => o === D).length,
});

describe('round robin', () => {
  it('splits 40 leads 20/10/10 by weight 2:1:1, none to the seller out of office, and no flood on return', async () => {
    expect(await command(t, D, 'ooo')).toContain('out of office');
    const first = await route(40);
    // Stride scheduling by hand: A gets a stride of 1/2, B and C of 1; ties go to whoever waited
    // longest. Leads 1–4 go A, B, C, A; then every four leads go B, C, A, A. So exactly 20/10/10
    // (the issue allows ±1) and D, away, none.
    expect(first.slice(0, 8)).toEqual([A, B, C, A, B, C, A, A]);
    expect(tally(first)).toEqual({ A: 20, B: 10, C: 10, D: 0 });

    expect(await command(t, D, 'back')).toContain('Welcome back');
    const back = await route(12);
    // D starts level with the rotation (pass 10, like everyone), not at 0: one lead, then in turn.
    // All at 10 → D (never assigned), B, C, A, A; all at 11 → D, B, C, A, A; then D, B.
    expect(back).toEqual([D, B, C, A, A, D, B, C, A, A, D, B]);
    // Fair share for D over 12 leads at weights 2:1:1:1 is 12/5 = 2.4: at most 3, no catch-up.
    expect(tally(back)).toEqual({ A: 4, B: 3, C: 2, D: 3 });

    const state = await t.database.rows<{ user_id: string; pass: number; assigned: number }>(
      sql`select user_id, pass, assigned from routing_state where segment = 'smb' order by user_id`,
    );
    expect(state).toEqual([
      { user_id: A, pass: 12, assigned: 24 },
      { user_id: B, pass: 13, assigned: 13 },
      { user_id: C, pass: 12, assigned: 12 },
      { user_id: D, pass: 13, assigned: 3 },
    ]);
  });

  it('explains each assignment in the thread and offers the lead to its seller by DM', async () => {
    await t.flushOutbox();
    const [first] = await t.database.rows<{ id: number }>(sql`select min(id)::int as id from leads`);
    const id = first!.id;
    expect(await notes(t, id)).toEqual([
      `:arrows_counterclockwise: Round robin: <@${A}> — 1st of 3 eligible by weighted rotation; skipped <@${D}> (out of office).`,
    ]);
    const dm = offerDm(t, A, id)!;
    const text = JSON.stringify(dm.blocks);
    expect(dm.text).toContain('New lead for you: *Lead');
    for (const part of [
      'Accept within 10 min',
      '"offer_accept"',
      '"offer_pass"',
      '*Why you:* :arrows_counterclockwise:',
    ])
      expect(text).toContain(part);
  });
});
