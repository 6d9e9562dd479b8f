/**
 * What each set-up modal's submission does: its values read into an edit of the config document,
 * the map from a problem's key path to the field it is about, and lines it could not read.
 */
import type { ConfigDocument } from '../../../admin/config-service.js';
import type { AppContext } from '../../../context.js';
import type { RosterDocEntry } from '../../../domain/admin-rights.js';
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
import { LOCALES } from '../../../i18n/index.js';
import { CADENCE_STEPS, cadenceFieldFor, readCadenceForm } from '../../blocks/setup-cadence.js';
import { CAL_TZ, calendarFieldFor, readCalendarForm } from '../../blocks/setup-calendar.js';
import { channelsFieldFor, leadsBlock, readChannelsForm } from '../../blocks/setup-channels.js';
import type { FieldFor, ViewValues } from '../../blocks/setup-common.js';
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
import { currentCatalog, currentConfig } from '../../setup-views.js';

/** How one modal turns its values into an edit, and where its errors go. */
export interface ItemEdit {
  edit: (doc: ConfigDocument) => void;
  fieldFor: FieldFor;
  /** The block for problems no field of this modal edits. */
  fallback: string;
  withPath?: boolean;
  /** Lines the modal could not read, by block: said before any change is tried. */
  problems?: Record<string, string>;
}

export async function itemEdit(
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
        fallback: labelsBlock('stages', LOCALES[0]),
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
