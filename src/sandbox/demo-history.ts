/**
 * A few months of the demo team's history, written through Baton's own services as if each thing
 * happened at its time: every week the same five leads arrive on the week's first working morning
 * and go as far as their plan says, a few VOC quotes are saved, and the last weeks have a retro with
 * action items. The plan is fixed, so the figures Baton shows are known (see DEMO_WEEK and the
 * sandbox test): in each week A reaches SQL; B reaches Opportunity and is lost; C is won (lost to a
 * competitor every third week); D sits in MQL unclaimed; E stays a Lead.
 */
import type { ConfigSource } from '../config/config-source.js';
import type { Database } from '../db/client.js';
import { discardQueuedWork } from '../db/queries/seeded-history.js';
import { parseLeadInput } from '../domain/lead-input.js';
import type { StageMoveRequest } from '../domain/lead-stages.js';
import { isoWeekKey } from '../domain/retro-calendar.js';
import { fromLocal, toLocal } from '../domain/time.js';
import { findNextWorkingStart, holidayDates } from '../domain/working-time.js';
import { FirstTouchService } from '../services/first-touch.js';
import { LeadService } from '../services/leads.js';
import { RetroService } from '../services/retro.js';
import { ActionItemService } from '../services/retro-actions.js';
import { StageMoveService } from '../services/stage-moves.js';
import { VocService } from '../services/voc.js';
import { PEOPLE, SANDBOX_TEAM, type SandboxLang } from './demo-workspace.js';

/** Weeks of history before the current one. */
export const DEMO_WEEKS = 12;
/** Weeks (the last ones) that had a retro. */
export const DEMO_RETRO_WEEKS = 3;

/** Every week's cohort by the furthest stage each lead reached (C lost instead of won every third week). */
export const DEMO_WEEK = {
  leads: 5,
  reached: { Lead: 5, MQL: 4, SAL: 3, SQL: 3, Opportunity: 2, Negotiation: 1, Closing: 1, Retention: 0 },
  /** First touches, in working minutes from arrival: A 40, B 95 (breached), C 20. */
  touches: [40, 95, 20],
  vocPerWeek: (weeksAgo: number) => (weeksAgo % 2 === 0 ? 3 : 2),
  cWon: (weeksAgo: number) => weeksAgo % 3 !== 0,
} as const;

export interface DemoHistorySummary {
  leads: number;
  won: number;
  lost: number;
  voc: number;
  retros: number;
  actionItems: number;
}

type Step =
  | { after: number; claim: string }
  | { after: number; touch: string }
  | { after: number; move: StageMoveRequest; by: string };

interface LeadPlan {
  key: 'A' | 'B' | 'C' | 'D' | 'E';
  /** Minutes after the week's first working start. */
  at: number;
  body: Record<string, unknown>;
  steps: Step[];
}

const NAMES: Record<
  SandboxLang,
  { people: string[]; companies: string[]; kinds: string[]; quotes: Record<string, string[]> }
> = {
  en: {
    people: [
      'Alex Kim',
      'Blair Novak',
      'Chris Ortega',
      'Drew Patel',
      'Emery Walsh',
      'Finley Grant',
      'Harper Cole',
    ],
    companies: [
      'Bluebird',
      'Copperleaf',
      'Driftwood',
      'Evergreen',
      'Foxglove',
      'Granite',
      'Harbor',
      'Ironwood',
      'Juniper',
      'Keystone',
      'Lakeside',
      'Meridian',
    ],
    kinds: [' Dental', ' Labs', ' Freight', ' Media', ' Bank'],
    quotes: {
      objection: [
        'We already use spreadsheets for this; why switch?',
        'Our reps will not adopt another tool.',
      ],
      pricing: ['The per-seat price is hard to justify for a team of five.'],
      feature_request: [
        'Can the weekly report go to email too?',
        'We need a Salesforce sync before we can roll it out.',
      ],
      competitor: ['Globex offered us a free first year.'],
    },
  },
  ko: {
    people: ['김하준', '이서윤', '박도윤', '최지우', '정시우', '강하은', '조은우'],
    companies: [
      '푸른',
      '동광',
      '새봄',
      '한결',
      '여울',
      '든든',
      '바른',
      '늘품',
      '다온',
      '라온',
      '미르',
      '한울',
    ],
    kinds: ['치과', '랩스', '물류', '미디어', '은행'],
    quotes: {
      objection: [
        '지금은 엑셀로 충분히 관리하고 있어요. 굳이 바꿔야 하나요?',
        '영업팀이 새 도구를 또 쓰려고 하지 않을 거예요.',
      ],
      pricing: ['다섯 명 팀에게 좌석당 가격은 부담스럽습니다.'],
      feature_request: [
        '주간 리포트를 이메일로도 받을 수 있나요?',
        '도입하려면 세일즈포스 연동이 먼저 필요합니다.',
      ],
      competitor: ['글로벡스는 첫해 무료를 제안했어요.'],
    },
  },
};

const LOST_B = ['no_budget', 'timing', 'no_decision'] as const;

/** The week's five leads; `k` is how many weeks ago, `amount` converts a USD figure to the team's currency. */
function weekPlan(
  k: number,
  lang: SandboxLang,
  amount: (usd: number) => Omit<StageMoveRequest, 'to'>,
): LeadPlan[] {
  const n = NAMES[lang];
  if (n.companies.length < DEMO_WEEKS) throw new Error(`demo seed: ${lang} needs a company prefix per week`);
  const person = (i: number) => n.people[(k + i) % n.people.length]!;
  // One company per lead (a prefix per week, DEMO_WEEKS of them; a kind per lead), so no lead is
  // routed as an existing account's.
  const company = (i: number) => `${n.companies[(k - 1) % n.companies.length]}${n.kinds[i % n.kinds.length]}`;
  const lead = (key: LeadPlan['key'], i: number, extra: Record<string, unknown>) => ({
    source: ['website', 'webinar', 'referral', 'ads'][(k + i) % 4],
    email: `${key.toLowerCase()}@week${k}-${key.toLowerCase()}.example`,
    name: person(i),
    company: company(i),
    company_size: 20 + i * 5,
    ...extra,
  });
  const { sdr, ae } = PEOPLE;
  return [
    {
      key: 'A',
      at: 60,
      body: lead('A', 0, { form: 'contact' }),
      steps: [
        { after: 10, claim: sdr },
        { after: 40, touch: sdr },
        { after: 180, move: { to: 'SQL' }, by: sdr },
      ],
    },
    {
      key: 'B',
      at: 90,
      body: lead('B', 1, { form: 'demo_request' }),
      steps: [
        { after: 5, claim: sdr },
        { after: 95, touch: sdr },
        { after: 240, move: { to: 'Opportunity', ...amount(4000 + k * 500) }, by: sdr },
        { after: 360, move: { to: 'Lost', reason: LOST_B[k % LOST_B.length] }, by: sdr },
      ],
    },
    {
      key: 'C',
      at: 120,
      body: lead('C', 2, { form: 'trial', company_size: 800, title: 'VP Sales' }),
      steps: [
        { after: 5, claim: ae },
        { after: 20, touch: ae },
        { after: 120, move: { to: 'Opportunity', ...amount(48_000 + k * 1000) }, by: ae },
        { after: 240, move: { to: 'Negotiation' }, by: ae },
        DEMO_WEEK.cWon(k)
          ? { after: 300, move: { to: 'Closing' }, by: ae }
          : { after: 300, move: { to: 'Lost', reason: 'lost_to_competitor', competitor: 'Globex' }, by: ae },
      ],
    },
    { key: 'D', at: 150, body: lead('D', 3, { form: 'contact' }), steps: [] },
    { key: 'E', at: 180, body: lead('E', 4, {}), steps: [] },
  ];
}

/** `days` calendar days after `at`'s local date, at `hour`:`minute` on the team's clock. */
function localAt(at: Date, days: number, hour: number, minute: number, timeZone: string): Date {
  const l = toLocal(at, timeZone);
  const d = new Date(Date.UTC(l.year, l.month - 1, l.day + days));
  return fromLocal(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour, minute },
    timeZone,
  );
}

const MINUTE_MS = 60_000;
const plus = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE_MS);

function must<T extends { ok: boolean }>(result: T, what: string): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`demo seed: ${what} was refused: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export async function seedDemoHistory(options: {
  database: Database;
  configs: ConfigSource;
  /** The history ends before the week containing `end`. */
  end: Date;
  setClock(at: Date): void;
}): Promise<DemoHistorySummary> {
  const { database, configs } = options;
  const team = SANDBOX_TEAM;
  const config = configs.for(team);
  const lang: SandboxLang = config.locale === 'ko' ? 'ko' : 'en';
  const { timeZone } = config.calendar;
  const leads = new LeadService(database, configs);
  const touches = new FirstTouchService(database, configs);
  const moves = new StageMoveService(database, configs);
  const voc = new VocService(database, configs);
  const retros = new RetroService(database, configs);
  const actions = new ActionItemService(database, configs);
  const currency = config.funnel.currency;
  const amount = (usd: number): Omit<StageMoveRequest, 'to'> => ({
    amount: currency === 'KRW' ? usd * 1300 : usd,
    currency,
  });
  const summary: DemoHistorySummary = { leads: 0, won: 0, lost: 0, voc: 0, retros: 0, actionItems: 0 };

  // Monday 00:00 of the current week on the team's clock.
  const today = toLocal(options.end, timeZone);
  const weekday = (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
  const thisMonday = localAt(options.end, -weekday, 0, 0, timeZone);
  const hours = {
    days: config.calendar.workingDays,
    start: config.calendar.workingHours.start,
    end: config.calendar.workingHours.end,
  };
  const holidays = holidayDates(config.calendar.holidays);
  let lastRetro: { id: number; weekKey: string } | undefined;
  let carried: number | undefined;

  for (let k = DEMO_WEEKS; k >= 1; k--) {
    const monday = localAt(thisMonday, -7 * k, 0, 0, timeZone);
    const mondayTen = localAt(monday, 0, 10, 0, timeZone);
    if (k <= DEMO_RETRO_WEEKS) {
      options.setClock(mondayTen);
      const weekKey = isoWeekKey(mondayTen, timeZone);
      const opened = await retros.open(team, weekKey, mondayTen);
      if (!opened.opened) throw new Error(`demo seed: the retro of ${weekKey} did not open`);
      summary.retros++;
      // The item carried from the week before is done this week.
      if (carried !== undefined)
        must(await actions.answer(team, carried, 'done', PEOPLE.manager, plus(mondayTen, 90)), 'an answer');
      const due = localAt(mondayTen, 4, 0, 0, timeZone);
      const dueOn = `${toLocal(due, timeZone).year}-${String(toLocal(due, timeZone).month).padStart(2, '0')}-${String(toLocal(due, timeZone).day).padStart(2, '0')}`;
      const texts =
        lang === 'ko'
          ? ['엔터프라이즈 리드 첫 연락을 30분 안에', '웨비나 리드 MQL 기준 다시 보기']
          : ['First touch on enterprise leads within 30 minutes', 'Revisit the MQL bar for webinar leads'];
      const added = [];
      for (const [i, text] of texts.entries()) {
        const item = must(
          await actions.add(
            team,
            {
              retroId: opened.retro.id,
              createdBy: PEOPLE.manager,
              text,
              ownerId: i === 0 ? PEOPLE.sdr : PEOPLE.marketer,
              dueOn,
            },
            plus(mondayTen, 60 + i),
          ),
          'an action item',
        );
        added.push(item.item.id);
        summary.actionItems++;
      }
      carried = added[0];
      lastRetro = { id: opened.retro.id, weekKey };
    }

    const start =
      findNextWorkingStart(monday, hours, timeZone, holidays) ?? localAt(monday, 0, 9, 0, timeZone);
    const ids: Partial<Record<LeadPlan['key'], number>> = {};
    for (const plan of weekPlan(k, lang, amount)) {
      const arrived = plus(start, plan.at);
      options.setClock(arrived);
      const parsed = parseLeadInput(plan.body, { source: String(plan.body.source) });
      if (!parsed.ok) throw new Error(`demo seed: lead ${plan.key} is invalid: ${JSON.stringify(parsed)}`);
      const { leadId } = await leads.intake(team, parsed.lead, arrived);
      ids[plan.key] = leadId;
      summary.leads++;
      for (const step of plan.steps) {
        const at = plus(arrived, step.after);
        options.setClock(at);
        if ('claim' in step)
          must(await leads.claim(team, leadId, step.claim, at), `claim of ${plan.key} (${k} weeks ago)`);
        else if ('touch' in step)
          must(
            await touches.logActivity(team, leadId, { kind: 'call', actorId: step.touch, via: 'slack', at }),
            `first touch of ${plan.key}`,
          );
        else {
          must(
            await moves.move(team, leadId, step.move, { actorId: step.by, via: 'slack' }, at),
            `move of ${plan.key} to ${step.move.to}`,
          );
          if (step.move.to === 'Closing') summary.won++;
          if (step.move.to === 'Lost') summary.lost++;
        }
      }
    }

    const quotes = NAMES[lang].quotes;
    const saves: {
      by: string;
      category: 'objection' | 'pricing' | 'feature_request' | 'competitor';
      lead?: number;
    }[] = [
      { by: PEOPLE.sdr, category: k % 2 ? 'objection' : 'pricing', lead: ids.B },
      { by: PEOPLE.cs, category: 'feature_request' },
    ];
    if (DEMO_WEEK.vocPerWeek(k) === 3) saves.push({ by: PEOPLE.ae, category: 'competitor', lead: ids.C });
    for (const [i, save] of saves.entries()) {
      const at = plus(start, 420 + i * 10);
      const list = quotes[save.category]!;
      must(
        await voc.save(
          team,
          {
            via: 'command',
            by: save.by,
            fields: {
              quote: list[k % list.length]!,
              category: save.category,
              competitor: save.category === 'competitor' ? 'Globex' : null,
              leadId: save.lead ?? null,
              account: null,
              sentiment: null,
              tags: [],
            },
          },
          at,
        ),
        'a VOC entry',
      );
      summary.voc++;
    }

    if (lastRetro && k <= DEMO_RETRO_WEEKS) {
      const fridayFive = localAt(monday, 4, 17, 0, timeZone);
      options.setClock(fridayFive);
      await retros.close(team, lastRetro.weekKey, fridayFive);
    }
  }
  await discardQueuedWork(database.db, team);
  return summary;
}
