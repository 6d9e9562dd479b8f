/**
 * The App Home set-up checklist: for each part of the configuration an admin sets up in Slack,
 * whether it is done, still required before Baton can work, left at its defaults, or managed by
 * the file. Pure: reads the YAML-shaped document (defaults not filled in) and the file's keys.
 */
import { DEFAULT_SEGMENTS } from '../config/workspace/defaults.js';
import { isSeller } from './roles.js';

export const SETUP_ITEMS = [
  'channels',
  'people',
  'calendar',
  'sla',
  'routing',
  'retro',
  'stages',
  'cadence',
  'qualification',
  'funnel',
] as const;
export type SetupItem = (typeof SETUP_ITEMS)[number];

export type SetupState = 'done' | 'required' | 'default' | 'managed';

/** The document's top-level keys each item writes; the item is read-only when the file manages any. */
export const ITEM_KEYS: Record<SetupItem, readonly string[]> = {
  channels: ['channels'],
  people: ['roster'],
  calendar: ['calendar', 'locale'],
  sla: ['sla'],
  routing: ['routing'],
  retro: ['retro'],
  stages: ['stages', 'labels'],
  cadence: ['cadence'],
  qualification: ['qualification'],
  funnel: ['funnel'],
};

export interface ChecklistEntry {
  item: SetupItem;
  state: SetupState;
  /** Segments still without a leads channel (channels), or without a seller (people). */
  missing: string[];
}

type Doc = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const documentSegments = (doc: Doc): string[] =>
  Array.isArray(doc.segments) ? (doc.segments as string[]) : [...DEFAULT_SEGMENTS];

/** Segments with no leads channel: neither their own nor a `default` one. */
export function segmentsWithoutChannel(doc: Doc): string[] {
  const segments = documentSegments(doc);
  const leads = isRecord(doc.channels) ? doc.channels.leads : undefined;
  if (typeof leads === 'string' && leads !== '') return [];
  if (!isRecord(leads)) return segments;
  if (typeof leads.default === 'string') return [];
  return segments.filter((s) => typeof leads[s] !== 'string');
}

/** Segments no seller on the roster serves (a member without `segments` serves them all). */
export function segmentsWithoutSeller(doc: Doc): string[] {
  const segments = documentSegments(doc);
  const roster = Array.isArray(doc.roster) ? (doc.roster as Record<string, unknown>[]) : [];
  const sellers = roster.filter((m) => isSeller(Array.isArray(m.roles) ? (m.roles as string[]) : ['sdr']));
  return segments.filter((s) =>
    sellers.every((m) => Array.isArray(m.segments) && !(m.segments as string[]).includes(s)),
  );
}

export function checklist(doc: Doc, managedKeys: readonly string[]): ChecklistEntry[] {
  return SETUP_ITEMS.map((item) => {
    if (ITEM_KEYS[item].some((k) => managedKeys.includes(k))) return { item, state: 'managed', missing: [] };
    switch (item) {
      case 'channels': {
        const missing = segmentsWithoutChannel(doc);
        return { item, state: missing.length > 0 ? 'required' : 'done', missing };
      }
      case 'people': {
        const missing = segmentsWithoutSeller(doc);
        return { item, state: missing.length > 0 ? 'required' : 'done', missing };
      }
      default:
        return {
          item,
          state: ITEM_KEYS[item].some((k) => doc[k] !== undefined) ? 'done' : 'default',
          missing: [],
        };
    }
  });
}

/** Baton can route leads once nothing on the checklist is required. */
export const isSetUp = (entries: readonly ChecklistEntry[]) => entries.every((e) => e.state !== 'required');
