import { describe, expect, it } from 'vitest';
import { parseWorkspaceConfig } from '../../../src/config/workspace.js';
import { adminIds, configuredChannels } from '../../../src/domain/configured-channels.js';

const config = parseWorkspaceConfig(
  `
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENT
  escalations: C0ESC
  retro: C0LEADS
  voc:
    objection: C0VOC
    feature_request: C0VOC
roster:
  - user: U0SDR0001
    roles: [sdr]
  - user: U0MGR0001
    roles: [manager, admin]
  - user: U0ADM0001
    roles: [admin]
`,
  'baton.yaml',
);

describe('configuredChannels', () => {
  it('lists each channel the config names once, with every use', () => {
    expect(configuredChannels(config)).toEqual([
      { channel: 'C0LEADS', uses: ['leads:smb', 'retro'] },
      { channel: 'C0ENT', uses: ['leads:enterprise'] },
      { channel: 'C0ESC', uses: ['escalations'] },
      { channel: 'C0VOC', uses: ['voc:objection', 'voc:feature_request'] },
    ]);
  });

  it('names the admins on the roster', () => {
    expect(adminIds(config)).toEqual(['U0MGR0001', 'U0ADM0001']);
  });
});
