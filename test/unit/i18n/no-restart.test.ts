import { describe, expect, it } from 'vitest';
import { LOCALES, messages } from '../../../src/i18n/index.js';
import { leaves, type Tree } from './catalog-leaves.js';

// Settings apply live (issue 13): no message may send anyone to restart Baton.
const RESTART = /restart|re-start|재시작|다시 시작|재기동/i;

describe('no message asks for a restart', () => {
  it.each(LOCALES)('%s', (locale) => {
    const asking = leaves(messages(locale) as unknown as Tree).filter(([, text]) => RESTART.test(text));
    expect(asking.map(([path]) => path)).toEqual([]);
  });

  it.each(LOCALES)('%s: a person not on the roster is sent to the admins and the Slack command', (locale) => {
    const text = messages(locale).home.notOnRoster('U0NEW', '<@U0ADMIN>');
    expect(text).toContain('<@U0ADMIN>');
    expect(text).toContain('/baton roster add @');
    expect(text).toContain('`U0NEW`');
    expect(text).not.toContain('baton.yaml');
  });
});
