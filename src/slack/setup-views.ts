/**
 * Builds the set-up surfaces for a workspace: the admin's part of Home and each item's modal, from
 * the current config document (what was set, not the defaults), the config in force, and the
 * admin's Slack profile for the defaults of time zone and language.
 */
import type { types } from '@slack/bolt';
import { type AdminRights, localeOf } from '../admin/admins.js';
import type { WorkspaceConfig } from '../config/workspace-schema.js';
import type { AppContext } from '../context.js';
import { checklist, ITEM_KEYS, isSetUp, type SetupItem } from '../domain/setup-checklist.js';
import { type Catalog, messages } from '../i18n/index.js';
import type { Block } from './blocks/common.js';
import { cadenceModal } from './blocks/setup-cadence.js';
import { calendarModal } from './blocks/setup-calendar.js';
import { channelsModal } from './blocks/setup-channels.js';
import { setupHomeBlocks } from './blocks/setup-checklist.js';
import { funnelModal } from './blocks/setup-funnel.js';
import { peopleModal } from './blocks/setup-people.js';
import { qualificationModal } from './blocks/setup-qualification.js';
import { retroModal } from './blocks/setup-retro.js';
import { routingModal } from './blocks/setup-routing.js';
import { slaModal } from './blocks/setup-sla.js';
import { stagesModal } from './blocks/setup-stages.js';

type Doc = Record<string, unknown>;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The workspace's configuration in force (the latest version). */
export const currentConfig = (ctx: AppContext, teamId: string): WorkspaceConfig => ctx.configs.for(teamId);

/** The catalog in the workspace's current language. */
export const currentCatalog = (ctx: AppContext, teamId: string): Catalog =>
  messages(currentConfig(ctx, teamId).locale);

/** May this person open this item: admins all of them, managers the people item (their team). */
export const mayOpen = (rights: AdminRights, item: SetupItem) =>
  rights.admin || (item === 'people' && rights.people.kind === 'team');

/** The admin's (or manager's) part of Home (empty for everyone else), and whether set-up is done. */
export function setupHome(
  ctx: AppContext,
  t: Catalog,
  teamId: string,
  rights: AdminRights,
): { blocks: Block[]; ready: boolean } {
  const entries = checklist(ctx.services.config.document(teamId), ctx.services.config.managedKeys(teamId));
  const ready = isSetUp(entries);
  if (!rights.admin && rights.people.kind !== 'team') return { blocks: [], ready };
  return { blocks: setupHomeBlocks(t, entries, { peopleOnly: !rights.admin }), ready };
}

export async function setupModalFor(
  ctx: AppContext,
  teamId: string,
  userId: string,
  item: SetupItem,
  rights: AdminRights,
): Promise<types.ModalView> {
  const doc: Doc = ctx.services.config.document(teamId);
  const readOnly = ITEM_KEYS[item].some((k) => ctx.services.config.managedKeys(teamId).includes(k));
  const config = currentConfig(ctx, teamId);
  const t = messages(config.locale);
  switch (item) {
    case 'channels':
      return channelsModal(t, doc, readOnly);
    case 'people':
      return peopleModal(t, doc, rights.people, readOnly);
    case 'sla':
      return slaModal(t, config.sla, readOnly);
    case 'routing':
      return routingModal(t, config, ownAutoAssign(doc), fallbackAutoAssign(doc, config), readOnly);
    case 'retro':
      return retroModal(t, config.retro, readOnly);
    case 'stages':
      return stagesModal(t, config, readOnly);
    case 'cadence':
      return cadenceModal(t, config, readOnly);
    case 'qualification':
      return qualificationModal(t, doc.qualification, readOnly);
    case 'funnel':
      return funnelModal(t, config, readOnly);
    case 'calendar': {
      const calendar = isRecord(doc.calendar) ? doc.calendar : {};
      const fromProfile = typeof calendar.time_zone !== 'string' || typeof doc.locale !== 'string';
      const profile = fromProfile ? await ctx.services.admins.profile(teamId, userId) : null;
      const profileZone = profile?.tz && isZone(profile.tz) ? profile.tz : null;
      return calendarModal(
        t,
        {
          timeZone:
            typeof calendar.time_zone === 'string'
              ? calendar.time_zone
              : (profileZone ?? config.calendar.timeZone),
          locale:
            typeof doc.locale === 'string'
              ? config.locale
              : profile
                ? localeOf(profile.locale)
                : config.locale,
          workingDays: config.calendar.workingDays,
          start: config.calendar.workingHours.start,
          end: config.calendar.workingHours.end,
          holidaysCountry: config.calendar.holidaysCountry,
          daysOff: config.calendar.holidays
            .filter((h) => !h.public)
            .map((h) => ({ date: h.date, name: h.name ?? null })),
          fromProfile: profile !== null,
        },
        ctx.clock.now(),
        readOnly,
      );
    }
  }
}

/** Segments whose routing block writes its own auto-assign minutes. */
function ownAutoAssign(doc: Doc): Record<string, number> {
  const segments = isRecord(doc.routing) && isRecord(doc.routing.segments) ? doc.routing.segments : {};
  const own: Record<string, number> = {};
  for (const [segment, policy] of Object.entries(segments)) {
    if (isRecord(policy) && typeof policy.auto_assign_after_minutes === 'number')
      own[segment] = policy.auto_assign_after_minutes;
  }
  return own;
}

/** Minutes a claim segment without its own gets: routing.default's, else the ladder's auto-assign step. */
function fallbackAutoAssign(doc: Doc, config: WorkspaceConfig): number | 'off' {
  const fallback = isRecord(doc.routing) && isRecord(doc.routing.default) ? doc.routing.default : {};
  if (typeof fallback.auto_assign_after_minutes === 'number') return fallback.auto_assign_after_minutes;
  const step = config.sla.escalations.find((s) => s.action === 'auto_assign' && s.enabled);
  return step ? step.afterMinutes : 'off';
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
