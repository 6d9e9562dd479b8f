import { expect } from 'vitest';
import { ConfigFileError, parseWorkspaceConfig } from '../../../src/config/workspace.js';

/** A configured minimum (channels and a roster) plus `rest`, parsed as baton.yaml. */
export const BASE = ['channels: { leads: C0123LEADS }', 'roster: [{ user: U0AAAAAAA, roles: [sdr] }]'].join(
  '\n',
);
export const parseWith = (rest = '') => parseWorkspaceConfig(`${BASE}\n${rest}`, 'baton.yaml');

/** The problems a refused file reports (fails the test if the file is accepted). */
export function problemsOf(rest: string): readonly string[] {
  try {
    parseWith(rest);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as ConfigFileError).problems;
  }
  throw new Error('expected the config file to be rejected');
}
