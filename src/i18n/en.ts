import type { Role } from '../domain/roles.js';

/**
 * The English catalog is the reference: its shape is the `Catalog` type every locale must fill.
 * Values are plain text or mrkdwn; anything interpolated from users is escaped by the caller.
 */
export const en = {
  roles: {
    marketer: 'Marketer',
    sdr: 'Inside sales (SDR)',
    ae: 'Account executive',
    cs: 'Customer success',
    manager: 'Manager',
    admin: 'Admin',
  } satisfies Record<Role, string>,
  help: {
    title: 'Baton — lead hand-off, follow-up SLA and the weekly growth retro',
    intro:
      'Baton passes every inbound lead to a seller within minutes and keeps the team to its one-hour follow-up.',
    commandsHeading: '*Commands*',
    commands: {
      help: 'Show this help.',
      roster: 'Who is on the roster: roles, segments and who is out of office.',
      ooo: 'Mark yourself out of office (no new leads) until a date, e.g. `/baton ooo 2026-12-31`. Without a date: until you say `/baton back`.',
      back: 'End your out-of-office.',
    },
    footer:
      'Baton answers only you (ephemeral). Admins configure channels, roster, SLA and schedules in baton.yaml.',
  },
  home: {
    greeting: (mention: string) => `Hi ${mention}!`,
    rosterLine: (roles: string, segments: string) =>
      `You are on the Baton roster as *${roles}*, serving *${segments}*.`,
    noSegments: 'no segment',
    outOfOffice: (until: string) =>
      `:palm_tree: You are out of office until ${until}; no new leads come to you.`,
    outOfOfficeOpenEnded: ':palm_tree: You are out of office; no new leads come to you until `/baton back`.',
    sellerTip:
      'New leads for your segments arrive in the leads channel and in your DMs. Claim fast: the team promises a first follow-up within the hour.',
    marketerTip:
      'Every lead you bring in lands in the leads channel; add nurture context in the card’s thread.',
    managerTip: 'You receive escalations for your team and see the team view here.',
    csTip: 'Capture what customers say and move accounts to Retention.',
    notOnRosterTitle: 'You are not on the Baton roster yet',
    notOnRoster: (userId: string, admins: string) =>
      `Baton routes leads only to people on its roster. Ask ${admins} to add your Slack user ID \`${userId}\` to the \`roster\` in baton.yaml (with your roles), then restart Baton.`,
    anAdmin: 'a Baton admin',
    commandsHint: 'Type `/baton help` in any channel to see what Baton can do.',
  },
  roster: {
    title: (count: number) => `Roster — ${count} ${count === 1 ? 'person' : 'people'}`,
    empty: 'Nobody is on the roster.',
    oooUntil: (until: string) => `out of office until ${until}`,
    oooOpenEnded: 'out of office',
  },
  ooo: {
    set: (until: string) => `You are out of office until ${until}. No new leads will be routed to you.`,
    setOpenEnded: 'You are out of office until you type `/baton back`. No new leads will be routed to you.',
    cleared: 'Welcome back! New leads can be routed to you again.',
    notOut: 'You were not out of office.',
    badDate: (input: string) =>
      `I could not read \`${input}\` as a date. Use YYYY-MM-DD, for example \`/baton ooo 2026-12-31\`.`,
    pastDate: (input: string) =>
      `\`${input}\` is in the past. Give the last day you are away, today or later.`,
  },
  card: {
    fallback: (who: string, company: string) => `New lead: ${who}${company ? ` (${company})` : ''}`,
    titleAt: (title: string, company: string) => `*${title}* at *${company}*`,
    segment: 'Segment',
    source: 'Source',
    score: 'Score',
    form: 'Form',
    website: 'Website',
    arrived: 'Arrived',
    owner: 'Owner',
    stage: 'Stage',
    unclaimed: '_Unclaimed_',
    claim: 'Claim',
    contextCount: (n: number) => `:memo: ${n} ${n === 1 ? 'note' : 'notes'} from marketing in the thread`,
  },
  notes: {
    claimed: (by: string) => `:raising_hand: Claimed by ${by}.`,
    resubmitted: (source: string, form: string) =>
      `:repeat: Submitted again via *${source}*${form ? ` (${form})` : ''}; no new card was made.`,
  },
  claim: {
    alreadyClaimed: (owner: string) => `Already claimed by ${owner}.`,
    notASeller: 'Only sellers (SDR or AE on the roster) can claim leads.',
    notServing: (segment: string) =>
      `You don't serve the *${segment}* segment, so this lead isn't yours to claim.`,
    notFound: 'That lead no longer exists.',
  },
  errors: {
    unknownSubcommand: (input: string) => `I don't know \`/baton ${input}\`. Try \`/baton help\`.`,
    notOnRoster: 'You are not on the Baton roster, so there is nothing to change. Ask an admin to add you.',
    internal: 'Something went wrong on Baton’s side; nothing was changed. Please try again in a minute.',
  },
};

export type Catalog = typeof en;
