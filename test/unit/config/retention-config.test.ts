import { describe, expect, it } from 'vitest';
import { ConfigFileError, parseWorkspaceConfig } from '../../../src/config/workspace.js';

const BASE = ['channels: { leads: C0123LEADS }', 'roster: [{ user: U0AAAAAAA, roles: [sdr] }]'].join('\n');
const parse = (rest = '') => parseWorkspaceConfig(`${BASE}\n${rest}`, 'baton.yaml');

function problemsOf(rest: string): readonly string[] {
  try {
    parse(rest);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems;
  }
  throw new Error('expected the config file to be rejected');
}

describe('retention', () => {
  it('keeps finished jobs and sent outbox rows 30 days and event receipts 7 by default', () => {
    expect(parse().retention).toEqual({ jobsDays: 30, outboxDays: 30, eventReceiptsDays: 7, crmDays: 30 });
  });

  it('takes each age on its own', () => {
    expect(parse('retention: { outbox_days: 90 }').retention).toEqual({
      jobsDays: 30,
      outboxDays: 90,
      eventReceiptsDays: 7,
      crmDays: 30,
    });
    expect(parse('retention: { jobs_days: 1, outbox_days: 2, event_receipts_days: 1 }').retention).toEqual({
      jobsDays: 1,
      outboxDays: 2,
      eventReceiptsDays: 1,
      crmDays: 30,
    });
    expect(parse('retention: { crm_days: 2 }').retention.crmDays).toBe(2);
  });

  it('names the key and the reason for an age it refuses', () => {
    expect(problemsOf('retention: { jobs_days: 0 }')).toEqual([
      'baton.yaml: retention.jobs_days: must be at least 1 (a job finished today is still its own dedupe key)',
    ]);
    expect(problemsOf('retention: { outbox_days: 1 }')).toEqual([
      'baton.yaml: retention.outbox_days: must be at least 2 (an offer DM is edited up to a day after it is sent)',
    ]);
    expect(problemsOf('retention: { event_receipts_days: 2.5 }')).toEqual([
      'baton.yaml: retention.event_receipts_days: must be a whole number of days',
    ]);
    expect(problemsOf('retention: { event_receipts_days: "7" }')).toEqual([
      'baton.yaml: retention.event_receipts_days: must be a whole number of days',
    ]);
    expect(problemsOf('retention: { crm_days: 1 }')).toEqual([
      'baton.yaml: retention.crm_days: must be at least 2 (a webhook delivery is retried for up to a day)',
    ]);
    expect(problemsOf('retention: { jobs_days: 4000 }')).toEqual([
      'baton.yaml: retention.jobs_days: must be at most 3650 (ten years)',
    ]);
    expect(problemsOf('retention: { job_days: 10 }')[0]).toMatch(
      /^baton\.yaml: retention\.job_days: unknown key \(allowed here: jobs_days, outbox_days, event_receipts_days, crm_days\)/,
    );
  });
});
