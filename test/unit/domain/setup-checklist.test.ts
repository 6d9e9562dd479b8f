import { describe, expect, it } from 'vitest';
import { checklist, isSetUp } from '../../../src/domain/setup-checklist.js';

const states = (doc: Record<string, unknown>, managed: string[] = []) =>
  Object.fromEntries(
    checklist(doc, managed).map((e) => [e.item, e.missing.length ? `${e.state}: ${e.missing}` : e.state]),
  );

describe('set-up checklist', () => {
  it('on an empty workspace: channels and people required, the rest at defaults', () => {
    const entries = checklist({}, []);
    expect(states({})).toEqual({
      channels: 'required: smb,enterprise',
      people: 'required: smb,enterprise',
      calendar: 'default',
      sla: 'default',
      routing: 'default',
      retro: 'default',
      stages: 'default',
      cadence: 'default',
      qualification: 'default',
      funnel: 'default',
    });
    expect(isSetUp(entries)).toBe(false);
  });

  it('partly configured: a channel for one segment, a seller serving the other', () => {
    const doc = {
      channels: { leads: { smb: 'C0SMB' } },
      roster: [
        { user: 'U0A', roles: ['ae'], segments: ['enterprise'] },
        { user: 'U0M', roles: ['manager'] },
      ],
      locale: 'ko',
    };
    expect(states(doc)).toEqual({
      channels: 'required: enterprise',
      people: 'required: smb',
      calendar: 'done',
      sla: 'default',
      routing: 'default',
      retro: 'default',
      stages: 'default',
      cadence: 'default',
      qualification: 'default',
      funnel: 'default',
    });
  });

  it('done when every segment has a channel (or a default one) and a seller (no segments = all; no roles = sdr)', () => {
    const doc = {
      segments: ['smb'],
      channels: { leads: { default: 'C0ALL' } },
      roster: [{ user: 'U0A' }],
      sla: {},
      labels: { segments: { smb: 'Small business' } },
    };
    expect(states(doc)).toEqual({
      channels: 'done',
      people: 'done',
      calendar: 'default',
      sla: 'done',
      routing: 'default',
      retro: 'default',
      stages: 'done',
      cadence: 'default',
      qualification: 'default',
      funnel: 'default',
    });
    expect(isSetUp(checklist(doc, []))).toBe(true);
    expect(states({ ...doc, channels: { leads: 'C0ALL' } }).channels).toBe('done');
  });

  it('shows what the file manages as managed, whatever its state', () => {
    expect(states({}, ['channels', 'locale', 'labels'])).toEqual({
      channels: 'managed',
      people: 'required: smb,enterprise',
      calendar: 'managed',
      sla: 'default',
      routing: 'default',
      retro: 'default',
      stages: 'managed',
      cadence: 'default',
      qualification: 'default',
      funnel: 'default',
    });
  });
});
