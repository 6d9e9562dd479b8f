import { describe, expect, it } from 'vitest';
import { checkWorkspaceDocument } from '../../../src/config/workspace.js';
import { missingKey, readiness } from '../../../src/domain/readiness.js';

function configOf(doc: Record<string, unknown>) {
  const checked = checkWorkspaceDocument(doc);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.config;
}

describe('readiness', () => {
  it('an empty document is valid and needs a leads channel per segment and a seller', () => {
    const missing = readiness(configOf({}));
    expect(missing.map(missingKey)).toEqual(['leads_channel:smb', 'leads_channel:enterprise', 'seller']);
  });

  it('a default leads channel covers every segment', () => {
    const config = configOf({ channels: { leads: { default: 'C0ALL' } } });
    expect(readiness(config).map(missingKey)).toEqual(['seller']);
  });

  it('a roster with only a manager still needs a seller', () => {
    const config = configOf({ channels: { leads: 'C0LEADS' } });
    expect(readiness(config)).toEqual([{ kind: 'seller' }]);
    // A roster with no seller is refused by the schema itself when it is written.
    const checked = checkWorkspaceDocument({ roster: [{ user: 'U0MGR0001', roles: ['manager'] }] });
    expect(checked.ok).toBe(false);
  });

  it('is ready with a leads channel and one seller', () => {
    const config = configOf({
      channels: { leads: 'C0LEADS' },
      roster: [{ user: 'U0SDR0001', roles: ['sdr'] }],
    });
    expect(readiness(config)).toEqual([]);
  });

  it('an unconfigured workspace has no channels to post to', () => {
    const config = configOf({});
    expect(config.channels.leads).toEqual({});
    expect(config.channels.escalations).toBe('');
    expect(config.channels.retro).toBe('');
    expect(config.roster).toEqual([]);
  });
});
