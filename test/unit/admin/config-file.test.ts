import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFilePath } from '../../../src/admin/config-file.js';

const dir = mkdtempSync(join(tmpdir(), 'baton-config-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('which config file Baton reads', () => {
  it('BATON_CONFIG when set, whether or not ./baton.yaml exists', () => {
    expect(configFilePath('/etc/baton/team.yaml', dir)).toBe('/etc/baton/team.yaml');
  });

  it('no file when BATON_CONFIG is unset and there is no ./baton.yaml', () => {
    expect(configFilePath(undefined, dir)).toBeNull();
  });

  it('./baton.yaml when BATON_CONFIG is unset and the file is there', () => {
    writeFileSync(join(dir, 'baton.yaml'), 'locale: en\n');
    expect(configFilePath(undefined, dir)).toBe('./baton.yaml');
  });
});
