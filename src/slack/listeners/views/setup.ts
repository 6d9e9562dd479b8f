import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ConfigChangeResult, ConfigDocument } from '../../../admin/config-service.js';
import type { AppContext } from '../../../context.js';
import { checkTeamEdit, type RosterDocEntry, type TeamEditRefusal } from '../../../domain/admin-rights.js';
import type { NewMemberProfile } from '../../../domain/roster-command.js';
import { documentSegments, type SetupItem } from '../../../domain/setup-checklist.js';
import {
  applyCadence,
  applyCalendar,
  applyChannels,
  applyFunnel,
  applyLabels,
  applyMemberHours,
  applyPeople,
  applyQualification,
  applyRetro,
  applyRouting,
  applySla,
} from '../../../domain/setup-edits.js';
import type { Catalog } from '../../../i18n/index.js';
import { CADENCE_STEPS, cadenceFieldFor, readCadenceForm } from '../../blocks/setup-cadence.js';
import { CAL_TZ, calendarFieldFor, readCalendarForm } from '../../blocks/setup-calendar.js';
import { channelsFieldFor, leadsBlock, readChannelsForm } from '../../blocks/setup-channels.js';
import { type FieldFor, fieldErrors, type ViewValues } from '../../blocks/setup-common.js';
import { FUNNEL_WON, funnelFieldFor, readFunnelForm } from '../../blocks/setup-funnel.js';
import { PEOPLE_USERS, peopleFieldFor, readMemberHours, readPeopleForm } from '../../blocks/setup-people.js';
import {
  QUALIFICATION_RULES,
  qualificationFieldFor,
  readQualificationForm,
} from '../../blocks/setup-qualification.js';
import { RETRO_ON, readRetroForm, retroFieldFor } from '../../blocks/setup-retro.js';
import { modeBlock, readRoutingForm, routingFieldFor } from '../../blocks/setup-routing.js';
import { readSlaForm, SLA_MINUTES, slaFieldFor } from '../../blocks/setup-sla.js';
import { labelsBlock, labelsFieldFor, readLabelsForm } from '../../blocks/setup-stages.js';
import { publishHome } from '../../home-view.js';
import { mention } from '../../mrkdwn.js';
import { currentCatalog, currentConfig, mayOpen } from '../../setup-views.js';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** How one modal turns its values into an edit, and where its errors go. */
interface ItemEdit {
  edit: (doc: ConfigDocument) => void;
  fieldFor: FieldFor;
  /** The block for problems no field of this modal edits. */
  fallback: string;
  withPath?: boolean;
  /** Lines the modal could not read, by block: said before any change is tried. */
  problems?: Record<string, string>;
}

/**
 * A set-up modal submitted: the edit goes through ConfigService (the file's schema) before the ack,
 * so a refusal comes back under the field it is about and the modal stays open. A channels change
 * runs the channel check within the change (the config store's onChange, app.ts): public channels
 * are joined and private ones named to `/invite`; Home, published again after, shows them.
 */
export const submitSetup =
  (ctx: AppContext, item: SetupItem) =>
  async ({ ack, body, view, context, client }: Args): Promise<void> => {
    const teamId = context.teamId ?? body.team?.id ?? ctx.teamId;
    const userId = body.user.id;
    const t = currentCatalog(ctx, teamId);
    const values = view.state.values as unknown as ViewValues;
    const rights = await ctx.services.admins.rights(teamId, userId);
    if (!mayOpen(rights, item)) {
      // Someone whose rights changed while the modal was open: said under its first field.
      const first = view.blocks.find((b) => b.type === 'input')?.block_id;
      if (first) await ack({ response_action: 'errors', errors: { [first]: t.admin.refusals.notAnAdmin } });
      else await ack();
      return;
    }
    const plan = await itemEdit(
      ctx,
      teamId,
      item,
      values,
      rights.people.kind === 'team' ? rights.people.managerId : null,
    );
    if (plan.problems && Object.keys(plan.problems).length > 0) {
      await ack({ response_action: 'errors', errors: plan.problems });
      return;
    }
    let refusal: TeamEditRefusal | null = null;
    let result: ConfigChangeResult;
    try {
      result = await ctx.services.config.change(
        teamId,
        { actorId: userId, via: 'slack', source: `home:${item}` },
        (doc) => {
          const before = (Array.isArray(doc.roster) ? structuredClone(doc.roster) : []) as RosterDocEntry[];
          plan.edit(doc);
          refusal = null;
          if (item === 'people' && !rights.admin && rights.people.kind === 'team') {
            refusal = checkTeamEdit(before, doc.roster as RosterDocEntry[], rights.people.managerId);
            if (refusal) return structuredClone({ ...doc, roster: before });
          }
        },
      );
    } catch (error) {
      await ack({ response_action: 'errors', errors: { [plan.fallback]: t.errors.internal } });
      throw error;
    }
    if (refusal) {
      await ack({ response_action: 'errors', errors: { [plan.fallback]: teamRefusalText(t, refusal) } });
      return;
    }
    if (!result.ok && result.reason !== 'unchanged') {
      const errors =
        result.reason === 'invalid'
          ? fieldErrors(result.problems, plan.fieldFor, plan.fallback, plan.withPath)
          : { [plan.fallback]: t.admin.refusals.managed(result.keys.join(', ')) };
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    if (!result.ok) return;
    await publishHome(ctx, client, teamId, userId);
  };

function teamRefusalText(t: Catalog, refusal: TeamEditRefusal): string {
  const who = refusal.users.map(mention).join(', ');
  return refusal.reason === 'outside_team'
    ? t.admin.refusals.outsideTeam(who)
    : t.admin.refusals.roleNotAllowed(who);
}

async function itemEdit(
  ctx: AppContext,
  teamId: string,
  item: SetupItem,
  values: ViewValues,
  teamOf: string | null,
): Promise<ItemEdit> {
  const doc = ctx.services.config.document(teamId);
  const t = currentCatalog(ctx, teamId);
  switch (item) {
    case 'channels': {
      const segments = documentSegments(doc);
      const form = readChannelsForm(values, doc);
      return {
        edit: (d) => applyChannels(d, form),
        fieldFor: channelsFieldFor(segments),
        fallback: leadsBlock(segments[0] ?? 'default'),
      };
    }
    case 'people': {
      const form = readPeopleForm(values);
      // New people's time zone and name come from their Slack profiles.
      const onRoster = new Set(
        ((Array.isArray(doc.roster) ? doc.roster : []) as RosterDocEntry[]).map((m) => m.user),
      );
      const profiles = new Map<string, NewMemberProfile>();
      for (const user of form.users.filter((u) => !onRoster.has(u))) {
        const profile = await ctx.services.admins.profile(teamId, user);
        if (profile)
          profiles.set(user, {
            ...(profile.tz ? { tz: profile.tz } : {}),
            ...(profile.name ? { name: profile.name } : {}),
          });
      }
      const hours = readMemberHours(values, form.users);
      return {
        edit: (d) => {
          applyPeople(d, form, profiles, teamOf);
          applyMemberHours(d, hours);
        },
        fieldFor: peopleFieldFor,
        fallback: PEOPLE_USERS,
        withPath: true,
      };
    }
    case 'calendar': {
      const form = readCalendarForm(values);
      return { edit: (d) => applyCalendar(d, form), fieldFor: calendarFieldFor, fallback: CAL_TZ };
    }
    case 'sla': {
      const ladder = currentConfig(ctx, teamId).sla.escalations;
      const form = readSlaForm(values, ladder.length);
      return { edit: (d) => applySla(d, form, ladder), fieldFor: slaFieldFor, fallback: SLA_MINUTES };
    }
    case 'routing': {
      const segments = currentConfig(ctx, teamId).segments;
      const form = readRoutingForm(values, segments);
      return {
        edit: (d) => applyRouting(d, form),
        fieldFor: routingFieldFor(segments),
        fallback: modeBlock(segments[0] ?? 'smb'),
      };
    }
    case 'retro': {
      const form = readRetroForm(values);
      return { edit: (d) => applyRetro(d, form), fieldFor: retroFieldFor, fallback: RETRO_ON };
    }
    case 'stages': {
      const { form, problems } = readLabelsForm(t, values);
      return {
        edit: (d) => applyLabels(d, form),
        fieldFor: labelsFieldFor(form),
        fallback: labelsBlock('stages', 'en'),
        withPath: true,
        problems,
      };
    }
    case 'cadence': {
      const { form, problems } = readCadenceForm(t, values);
      return {
        edit: (d) => applyCadence(d, form),
        fieldFor: cadenceFieldFor,
        fallback: CADENCE_STEPS,
        withPath: true,
        problems,
      };
    }
    case 'funnel': {
      const form = readFunnelForm(values);
      return { edit: (d) => applyFunnel(d, form), fieldFor: funnelFieldFor, fallback: FUNNEL_WON };
    }
    case 'qualification': {
      const { section, problems } = readQualificationForm(t, values);
      return {
        edit: (d) => applyQualification(d, section),
        fieldFor: qualificationFieldFor,
        fallback: QUALIFICATION_RULES,
        withPath: true,
        problems,
      };
    }
  }
}
