import type { Catalog } from '../../i18n/index.js';
import type { SubmitResult } from '../../services/lead-desk.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { type KeyLabels, keyLabels } from './key-labels.js';
import { type Links, leadRef } from './lead-lookup.js';

const channelMention = (id: string) => (/^[CG][A-Z0-9]+$/.test(id) ? `<#${id}>` : escapeMrkdwn(id));

/** What the person who entered a lead with `/lead new` is told: where its card is, or that it existed. */
export function leadSubmittedText(
  t: Catalog,
  result: Extract<SubmitResult, { ok: true }>,
  links: Links,
  thresholdStage: string,
  labels: KeyLabels = keyLabels(t),
): string {
  const { lead } = result;
  const ref = leadRef(lead, links);
  if (result.duplicate) return t.lead.duplicate(ref);
  const stage = escapeMrkdwn(lead.stage);
  if (!result.channel) return t.lead.createdUnrouted(ref, stage, escapeMrkdwn(thresholdStage));
  return t.lead.created(
    ref,
    stage,
    escapeMrkdwn(labels.segment(lead.segment)),
    channelMention(result.channel),
  );
}
