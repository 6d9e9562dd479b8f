import type { types } from '@slack/bolt';
import type { Role } from '../../domain/roles.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { joinWithin } from './fit.js';
import { type KeyLabels, keyLabels } from './key-labels.js';

export type Block = types.KnownBlock;

export const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });
export const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
// Slack caps header text at 150 characters.
export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: text.slice(0, 150) },
});
export const divider = (): Block => ({ type: 'divider' });

export const roleList = (t: Catalog, roles: readonly string[]) =>
  roles.map((r) => (r in t.roles ? t.roles[r as Role] : escapeMrkdwn(r))).join(' · ');

/** Someone's segments; 20 long labels would fill a section, so the list stops at SEGMENTS_MAX characters. */
export const segmentList = (t: Catalog, segments: readonly string[], labels: KeyLabels = keyLabels(t)) =>
  segments.length
    ? joinWithin(
        segments.map((s) => escapeMrkdwn(labels.segment(s))),
        ', ',
        SEGMENTS_MAX,
        (n) => `+${n}`,
      )
    : t.home.noSegments;
const SEGMENTS_MAX = 300;
