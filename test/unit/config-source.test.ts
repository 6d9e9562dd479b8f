import { describe, expect, it } from 'vitest';
import { fixedConfig } from '../../src/config/config-source.js';
import { parseWorkspaceConfig } from '../../src/config/workspace.js';
import { SwappableConfig } from '../harness/swappable-config.js';

const config = (locale: string) =>
  parseWorkspaceConfig(
    `locale: ${locale}
channels:
  leads: C0LEADS
roster:
  - user: U0SDR0001
    roles: [sdr]
`,
    'baton.yaml',
  );

describe('fixedConfig', () => {
  it('gives the same configuration for every workspace', () => {
    const en = config('en');
    const source = fixedConfig(en);
    expect(source.for('T0ONE')).toBe(en);
    expect(source.for('T0TWO')).toBe(en);
  });
});

describe('SwappableConfig (test harness)', () => {
  it('gives the configuration set last', () => {
    const source = new SwappableConfig(config('en'));
    expect(source.for('T0ONE').locale).toBe('en');
    source.set(config('ko'));
    expect(source.for('T0ONE').locale).toBe('ko');
  });
});
