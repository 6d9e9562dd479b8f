import type { Catalog } from '../../i18n/index.js';
import type { TeamFunnel, TeamPulse } from '../../services/home.js';
import { escapeMrkdwn, slackDate } from '../mrkdwn.js';
import { type Block, context, header, section } from './common.js';
import { wholePercent } from './figures.js';
import { type Links, leadRef } from './lead-lookup.js';
import { packedSections } from './sections.js';

/** Slack allows 10 fields in a section. */
const FIELDS_PER_SECTION = 10;

const number = new Intl.NumberFormat('en-US');

/** `12`, or against a goal `12 / 20 (60 %)`, with a check mark once the goal is reached. */
export function stageFigure(t: Catalog, count: number, goal: number | null): string {
  if (goal === null || goal <= 0) return number.format(count);
  const figure = t.homeFunnel.ofGoal(number.format(count), number.format(goal), wholePercent(count / goal));
  return count >= goal ? `${figure} ${t.homeFunnel.goalReached}` : figure;
}

function stageSections(t: Catalog, team: TeamFunnel): Block[] {
  const fields = team.stages.map((s) => ({
    type: 'mrkdwn' as const,
    text: `*${escapeMrkdwn(s.label)}*\n${stageFigure(t, s.count, s.goal)}`,
  }));
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + FIELDS_PER_SECTION) });
  }
  return blocks;
}

/** Unclaimed leads and the week's first touches, for someone who does not see the team SLA board. */
function pulseBlocks(t: Catalog, pulse: TeamPulse, links: Links): Block[] {
  const s = t.slaBoard;
  const { leads, total } = pulse.unclaimed;
  const lines = leads.map(
    (lead) =>
      `• ${t.homeFunnel.unclaimedLine(
        leadRef(lead, links),
        slackDate(lead.createdAt),
        lead.slaDueAt ? slackDate(lead.slaDueAt) : '—',
      )}`,
  );
  if (lines.length === 0) lines.push(s.noneUnclaimed);
  if (total > leads.length) lines.push(s.more(total - leads.length));
  const { touched, met, breached } = pulse.week;
  const rate = touched ? s.metRate(wholePercent(met / touched), met, touched) : s.metRateNone;
  return [
    ...packedSections(s.unclaimedTeam(total), lines),
    section(`${s.weekTeam}\n${rate}\n${s.breachesBySeller(breached)}`),
  ];
}

/**
 * The team's week on Home: each working stage's cohort count this week against the week's share
 * of the goal (or how to set one), then — for marketers — unclaimed leads and breaches.
 */
export function homeFunnelBlocks(t: Catalog, team: TeamFunnel, links: Links): Block[] {
  const h = t.homeFunnel;
  const blocks: Block[] = [
    header(h.teamTitle),
    context(h.weekLine(team.period.firstDay, team.period.lastDay)),
    ...stageSections(t, team),
    context(
      team.goal
        ? h.goalLine(number.format(team.goal.deals), team.goal.firstDay, team.goal.lastDay)
        : h.noGoal,
    ),
  ];
  if (team.pulse) blocks.push(...pulseBlocks(t, team.pulse, links));
  blocks.push(context(h.reportHint));
  return blocks;
}
