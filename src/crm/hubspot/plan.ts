/**
 * What one Baton event writes to the lead's HubSpot contact: whether the owner is synced, which
 * properties are set (per the hubspot: mapping) and the note for its timeline. Pure, so the
 * mapping is tested without HubSpot.
 */
import type { WorkspaceConfig } from '../../config/workspace-schema.js';
import { messages } from '../../i18n/index.js';
import type { BatonEvent } from '../events.js';

export interface OutPlan {
  /** Set hubspot_owner_id from the lead's owner when the task runs. */
  owner: boolean;
  properties: Record<string, string>;
  /** HTML for hs_note_body (user text escaped), or null. */
  note: string | null;
}

/** HubSpot renders note bodies as HTML. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/** The properties a lead at `stage` should have in HubSpot. */
export function stageProperties(config: WorkspaceConfig, stage: string): Record<string, string> {
  const props: Record<string, string> = {};
  const lifecycle = config.hubspot.lifecycleStages[stage];
  const status = config.hubspot.leadStatuses[stage];
  if (lifecycle) props.lifecyclestage = lifecycle;
  if (status) props.hs_lead_status = status;
  return props;
}

function stageLabel(config: WorkspaceConfig, key: string): string {
  return config.stages.working.find((s) => s.key === key)?.label ?? key;
}

function personName(config: WorkspaceConfig, userId: string): string {
  return config.roster.find((m) => m.user === userId)?.name ?? userId;
}

/** The plan for an event, or null when it writes nothing to HubSpot. */
export function planHubspotWrites(event: BatonEvent, config: WorkspaceConfig): OutPlan | null {
  if (event.leadId === null) return null;
  const t = messages(config.locale).hubspot.notes;
  const h = config.hubspot;
  const d = event.data;
  const plan = (owner: boolean, properties: Record<string, string>, lines: string[]): OutPlan | null => {
    const note = h.notes && lines.length > 0 ? lines.map(escapeHtml).join('<br>') : null;
    return owner || Object.keys(properties).length > 0 || note ? { owner, properties, note } : null;
  };
  switch (event.type) {
    case 'lead.created': {
      const stage = str(d.stage);
      return plan(false, stage ? stageProperties(config, stage) : {}, [
        t.created(str(d.segment) ?? '-', stage ? stageLabel(config, stage) : '-'),
      ]);
    }
    case 'lead.assigned': {
      // The relay says who holds the lead now (`to`); null after a release.
      const owner = str(d.to);
      return plan(true, {}, [owner ? t.assigned(personName(config, owner)) : t.released]);
    }
    case 'lead.first_touch': {
      const props: Record<string, string> = h.firstTouchStatus ? { hs_lead_status: h.firstTouchStatus } : {};
      return plan(false, props, [t.firstTouch(str(d.kind) ?? '-', num(d.minutes), bool(d.met_sla))]);
    }
    case 'lead.sla_breached':
      return plan(false, {}, [t.slaBreached]);
    case 'lead.stage_changed': {
      const to = str(d.to);
      if (!to) return null;
      const props = stageProperties(config, to);
      const reason = str(d.reason);
      const competitor = str(d.competitor);
      if (reason && h.lostReasonProperty && (to === 'Lost' || to === 'Disqualified'))
        props[h.lostReasonProperty] = reason;
      if (competitor && h.competitorProperty) props[h.competitorProperty] = competitor;
      const lines = [t.stageChanged(stageLabel(config, str(d.from) ?? '-'), stageLabel(config, to))];
      if (reason) lines.push(t.reason(reason));
      if (competitor) lines.push(t.competitor(competitor));
      const note = str(d.note);
      if (note) lines.push(t.note(note));
      return plan(false, props, lines);
    }
    case 'lead.context_added':
      return plan(false, {}, [t.contextAdded]);
    default:
      return null;
  }
}
