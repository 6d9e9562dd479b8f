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
    due: 'First touch due',
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
  lead: {
    helpTitle: 'Baton — /lead: add, find and list leads',
    helpHeading: '*Leads*',
    usage: {
      new: 'Add a lead by hand. It is checked, qualified and routed exactly like a lead from a web form.',
      find: 'Look up a lead by email, company, name or id: stage, owner, score and a link to its card.',
      mine: 'Your open leads, by stage.',
      touch:
        'Log a call, email, meeting or other touch on a lead (yours, or any as a manager); it stops the SLA clock.',
      help: 'Show the /lead commands.',
    },
    modal: {
      title: 'New lead',
      submit: 'Add lead',
      close: 'Cancel',
      intro: 'Baton checks, qualifies and routes this lead exactly like one from a web form.',
      email: 'Email',
      name: 'Name',
      company: 'Company',
      jobTitle: 'Job title',
      phone: 'Phone',
      companySize: 'Company size',
      companySizeHint: 'Employees: a number like 250, a range like 200-500, or 1000+.',
      website: 'Website',
      form: 'Form',
      formPlaceholder: 'What did they ask for?',
      message: 'Message',
      source: 'Source',
      sourceHint: 'Where the lead came from, like slack, event or referral.',
    },
    forms: {
      demo_request: 'Demo request',
      trial: 'Free trial',
      contact: 'Contact us',
      ebook: 'E-book download',
      newsletter: 'Newsletter sign-up',
      webinar: 'Webinar',
      event: 'Event or booth visit',
    },
    invalid: {
      emailRequired: 'Enter the lead’s email address.',
      email: 'Enter an email address like name@company.com.',
      companySize: 'Enter a number of employees like 250, a range like 200-500, or 1000+.',
      website: 'Enter a website like acme.com or https://acme.com.',
      sourceRequired: 'Say where the lead came from, like slack.',
      source: 'Use letters, digits, _ and - only, like slack or trade_show.',
      form: 'Pick one of the forms in the list.',
      tooLong: (max: number) => `Keep it to ${max} characters or fewer.`,
      other: 'This value is not valid.',
    },
    created: (lead: string, stage: string, segment: string, channel: string) =>
      `:white_check_mark: Added ${lead} as *${stage}* (${segment}). Its card is going to ${channel}.`,
    createdUnrouted: (lead: string, stage: string, threshold: string) =>
      `:white_check_mark: Added ${lead} as *${stage}*. That is below the routing threshold (*${threshold}*): it counts in the funnel but gets no card.`,
    duplicate: (lead: string) =>
      `:repeat: ${lead} is already in Baton, so nothing new was added; the resubmission is noted on it.`,
    openCard: 'Open the card',
    noCard: 'No card: the lead is below the routing threshold or its card is still being posted.',
    company: 'Company',
    email: 'Email',
    stage: 'Stage',
    owner: 'Owner',
    segment: 'Segment',
    source: 'Source',
    score: 'Score',
    arrivedLabel: 'Arrived',
    unowned: '_Unclaimed_',
    arrived: (date: string) => `arrived ${date}`,
    matches: (count: number, query: string) => `${count} leads match \`${query}\`, newest first:`,
    moreMatches: (shown: number) =>
      `Only the ${shown} newest are shown; search more precisely to narrow it down.`,
    noMatch: (query: string) => `No lead matches \`${query}\`.`,
    searchHint:
      'Search by email, company, name or lead id, e.g. `/lead kim@acme.io`, `/lead Acme` or `/lead 42`.',
    mineTitle: (count: number) => `Your open leads — ${count}`,
    mineEmpty: 'You have no open leads. New ones arrive in the leads channel and your DMs.',
    mineMore: (shown: number) => `Only your ${shown} oldest open leads are shown.`,
    stageCount: (stage: string, count: number) => `*${stage}* (${count})`,
  },
  rosterStatus: {
    eligible: ':large_green_circle: Eligible now',
    notEligible: (why: string) => `:red_circle: Not eligible now — ${why}`,
    outOfOffice: (until: string) => `:palm_tree: out of office until ${until}`,
    outOfOfficeOpenEnded: ':palm_tree: out of office until `/baton back`',
    outsideHours: (resumes: string) => `:crescent_moon: outside working hours until ${resumes}`,
    noHours: ':crescent_moon: has no working hours',
    atCap: (open: number, cap: number) => `:no_entry: at their cap (${open} of ${cap} open leads)`,
    noSegment: 'serves no segment',
    unavailable: 'not taking leads',
    openLeads: (n: number) => `${n} open ${n === 1 ? 'lead' : 'leads'}`,
    lastAssigned: (at: string) => `last assigned ${at}`,
    neverAssigned: 'never assigned',
  },
  ownership: {
    assignButton: 'Assign…',
    reassignButton: 'Reassign…',
    releaseButton: 'Release',
    releaseConfirmTitle: 'Release this lead?',
    releaseConfirmText: 'It will have no owner, and anyone serving its segment can claim it.',
    cancel: 'Cancel',
    modalTitle: 'Assign lead',
    modalSubmit: 'Assign',
    modalLead: (who: string, owner: string) => `*${who}*\nOwner now: ${owner}`,
    assigneeLabel: 'Assign to',
    assigneeHint: 'A seller (SDR or AE) on the roster who serves this lead’s segment.',
    reasonLabel: 'Reason',
    reasonPlaceholder: 'Why this person? Shown in the thread and in their DM.',
    notAManager: 'Only managers and admins can assign a lead to someone. To take it yourself, use *Claim*.',
    notAManagerPlain: 'Only managers and admins can assign leads.',
    notOnRosterPlain: 'You are not on the Baton roster. Ask an admin to add you.',
    assigneeNotOnRoster: 'That person is not on the Baton roster. Pick a seller from the roster.',
    assigneeNotASeller: 'That person is not a seller (SDR or AE). Pick a seller.',
    assigneeNotServing: (segment: string) =>
      `That seller does not serve the ${segment} segment. Pick one who does.`,
    alreadyOwner: 'That person already owns this lead.',
    changed: 'Someone changed this lead at the same moment. Look at the card and try again.',
    notFound: 'That lead no longer exists.',
    notOwned: 'This lead has no owner, so there is nothing to release.',
    notYours: (owner: string) => `Only the owner (${owner}) or a manager can release this lead.`,
    assigned: (by: string, to: string) => `:bust_in_silhouette: ${by} assigned this lead to ${to}.`,
    reassigned: (by: string, from: string, to: string) =>
      `:arrows_counterclockwise: ${by} reassigned this lead from ${from} to ${to}.`,
    reasonLine: (reason: string) => `Reason: ${reason}`,
    released: (by: string) => `:leftwards_arrow_with_hook: ${by} released this lead. It is open to claim.`,
    releasedFor: (by: string, owner: string) =>
      `:leftwards_arrow_with_hook: ${by} released this lead from ${owner}. It is open to claim.`,
    dmAssigned: (by: string, lead: string) => `:inbox_tray: ${by} assigned you a lead: ${lead}`,
    dmUnassigned: (by: string, lead: string, to: string) => `${by} reassigned ${lead} to ${to}.`,
    dmReleased: (by: string, lead: string) => `${by} released ${lead}; it is no longer yours.`,
    dmCardIn: (channel: string) => `The card and its thread are in ${channel}.`,
    dmContextHeading: (n: number) => `Latest ${n === 1 ? 'note' : `${n} notes`} from marketing:`,
  },
  leadContext: {
    button: 'Add context',
    modalTitle: 'Add context',
    modalSubmit: 'Save',
    modalLead: (who: string) =>
      `Context for *${who}*. It goes in the lead’s thread and to its owner in a DM.`,
    leadRefLabel: 'Lead',
    leadRefHint: 'This message is not tied to a lead. Give the lead’s number or email address.',
    campaignLabel: 'Campaign',
    contentLabel: 'Content consumed',
    nurtureLabel: 'Nurture history',
    noteLabel: 'Note',
    fieldsHint: 'Fill in at least one field.',
    atLeastOne: 'Fill in at least one field: campaign, content consumed, nurture history or note.',
    tooLong: (max: number) => `Keep it to ${max} characters or fewer.`,
    leadRefMissing: 'Give the lead’s number or email address.',
    leadNotFound: 'No lead has that number or email address.',
    notOnRosterPlain: 'You are not on the Baton roster, so you cannot add context. Ask an admin to add you.',
    notFound: 'That lead no longer exists.',
    posted: (by: string) => `:memo: Context from ${by}`,
    dmHeading: (by: string, lead: string) => `:memo: ${by} added context to your lead ${lead}`,
  },
  routing: {
    acceptButton: 'Accept',
    passButton: 'Pass',
    offerTitle: (lead: string) => `:inbox_tray: New lead for you: ${lead}`,
    offerAsk: (minutes: number) =>
      `Accept within ${minutes} min, or pass it to the next seller. Without an answer it moves on by itself.`,
    assignedTitle: (lead: string) => `:inbox_tray: A lead was assigned to you: ${lead}`,
    whyYou: (reason: string) => `*Why you:* ${reason}`,
    phone: 'Phone',
    youAccepted: ':white_check_mark: You accepted this lead; it is yours. Follow up within the SLA.',
    youPassed: ':leftwards_arrow_with_hook: You passed; the lead went on to the next seller.',
    youTimedOut: (minutes: number) =>
      `:hourglass: Not accepted within ${minutes} min, so the lead went on to the next seller.`,
    offerPending: (owner: string) =>
      `:hourglass_flowing_sand: Offered to ${owner}; waiting for them to accept.`,
    ordinal: (n: number) => {
      const tens = n % 100;
      const suffix =
        tens >= 11 && tens <= 13
          ? 'th'
          : n % 10 === 1
            ? 'st'
            : n % 10 === 2
              ? 'nd'
              : n % 10 === 3
                ? 'rd'
                : 'th';
      return `${n}${suffix}`;
    },
    place: (ordinal: string, count: number) => `${ordinal} of ${count} eligible by weighted rotation`,
    onlyEligible: 'the only eligible seller',
    routed: (owner: string, place: string) => `:arrows_counterclockwise: Round robin: ${owner} — ${place}`,
    autoAssigned: (owner: string, minutes: number, place: string) =>
      `:alarm_clock: Unclaimed for ${minutes} min, so assigned to ${owner} — ${place}`,
    accountOwner: (owner: string, match: string) => `:handshake: ${owner} — owns this account (${match})`,
    sameDomain: (domain: string) => `same email domain ${domain}`,
    sameCompany: (company: string) => `same company ${company}`,
    skippedTail: (list: string) => `; skipped ${list}`,
    held: (reasons: string, at: string) =>
      `:hourglass: Held: nobody eligible (${reasons}). Trying again ${at}.`,
    leftPolicy: (reasons: string) => `:raised_hand: Nobody eligible (${reasons}); left for anyone to claim.`,
    leftNobodyComing: (reasons: string) =>
      `:raised_hand: Nobody left to offer it to (${reasons}); left for anyone to claim.`,
    noSellers: 'no seller serves this segment',
    accepted: (owner: string) => `:white_check_mark: ${owner} accepted.`,
    passed: (who: string) => `:leftwards_arrow_with_hook: ${who} passed.`,
    timedOut: (who: string, minutes: number) => `:hourglass: ${who} did not accept within ${minutes} min.`,
    skip: (who: string, why: string) => `${who} (${why})`,
    outOfOffice: 'out of office',
    outOfOfficeUntil: (until: string) => `out of office until ${until}`,
    outsideHours: 'outside working hours',
    atCap: (open: number, cap: number) => `at cap: ${open}/${cap} open leads`,
    passedReason: 'passed',
    notOnRoster: 'not on the roster',
    notASeller: 'not a seller',
    notServing: 'not in this segment',
    notYours: (owner: string) => `This lead isn't offered to you; it is with ${owner}.`,
    notYoursUnowned: "This lead isn't offered to you.",
    offerEnded: (owner: string) => `This offer has ended; the lead is now with ${owner}.`,
    offerEndedUnowned: 'This offer has ended; the lead is open for anyone to claim on its card.',
    alreadyAccepted: 'You already accepted this lead, so it is yours. Ask a manager to reassign it.',
  },
  touch: {
    button: 'Log first touch',
    modalTitle: 'Log first touch',
    modalSubmit: 'Log',
    modalLead: (who: string) => `First touch with ${who}. Logging it stops the SLA clock.`,
    kindLabel: 'What did you do?',
    kinds: { call: 'Call', email: 'Email', meeting: 'Meeting booked', other: 'Other' },
    kindWords: { call: 'call', email: 'email', meeting: 'meeting booked', other: 'other' },
    noteLabel: 'Note',
    notePlaceholder: 'What happened? Shown in the lead’s thread.',
    tooLong: (max: number) => `Keep the note to ${max} characters or fewer.`,
    viaApi: 'the CRM (API)',
    workingMinutes: (n: number) => `${n} working ${n === 1 ? 'minute' : 'minutes'}`,
    clockMinutes: (n: number) => `${n} ${n === 1 ? 'minute' : 'minutes'}`,
    firstTouchMet: (by: string, kind: string, elapsed: string, sla: number) =>
      `:white_check_mark: First touch by ${by} — ${kind}, ${elapsed} after arrival (within the ${sla}-minute SLA)`,
    firstTouchLate: (by: string, kind: string, elapsed: string, sla: number) =>
      `:warning: First touch by ${by} — ${kind}, ${elapsed} after arrival (the ${sla}-minute SLA was missed)`,
    later: (by: string, kind: string) => `:memo: ${by} logged an activity: ${kind}.`,
    noteLine: (note: string) => `Note: ${note}`,
    cardLabel: 'First touch',
    cardMet: (n: number) => `:white_check_mark: met (${n} working min)`,
    cardMetClock: (n: number) => `:white_check_mark: met (${n} min)`,
    cardBreached: ':red_circle: SLA breached',
    notYours: (owner: string) => `Only the owner (${owner}) or a manager can log a touch on this lead.`,
    notYoursUnowned: 'This lead has no owner yet: claim it first, or ask a manager to log the touch.',
    notOnRosterPlain: 'You are not on the Baton roster, so you cannot log a touch. Ask an admin to add you.',
    notFound: 'That lead no longer exists.',
    beforeArrival: 'That time is before the lead arrived.',
    usage: 'Log a call, email, meeting or other touch on a lead: `/lead touch 42 call Left a voicemail`.',
    needLead: 'Which lead? Give its number or email: `/lead touch 42 call Left a voicemail`.',
    noLead: (ref: string) => `No lead has the number or email \`${ref}\`.`,
    loggedFirst: (lead: string, kind: string, elapsed: string, met: boolean) =>
      `Logged the first touch on ${lead}: ${kind}, ${elapsed} after arrival — ${met ? 'within the SLA' : 'the SLA was missed'}.`,
    logged: (lead: string, kind: string) => `Logged on ${lead}: ${kind}.`,
  },
  sla: {
    late: ' _(late: Baton was down)_',
    nudgeUnclaimed: (minutes: number) => `:bell: Unclaimed for ${minutes} min — who takes it?`,
    nudgeUntouched: (minutes: number) => `:bell: No first touch after ${minutes} min — time to follow up.`,
    nudgeDmUnclaimed: (lead: string, minutes: number) =>
      `:bell: ${lead} has been unclaimed for ${minutes} min — claim it on its card if you can take it.`,
    nudgeDmUntouched: (lead: string, minutes: number) =>
      `:bell: ${lead} has had no first touch for ${minutes} min — log it once you reach them.`,
    cardIn: (channel: string) => `Card in ${channel}.`,
    warnOwner: (lead: string, minutes: number) =>
      `:hourglass_flowing_sand: ${minutes} minutes left to make the first touch on ${lead}.`,
    breach: (lead: string, owner: string, sla: number) =>
      `:rotating_light: SLA breached: ${lead} (owner ${owner}) had no first touch within ${sla} min.`,
    overdue: (minutes: number) => ` ${minutes} min overdue.`,
    nobody: 'nobody',
    reassigned: (from: string, to: string, minutes: number) =>
      `:repeat: No first touch after ${minutes} min, so reassigned from ${from} to ${to}.`,
    reassignedNobody: (minutes: number) =>
      `:repeat: No first touch after ${minutes} min, but nobody else can take it now; it stays where it is.`,
    reassignedDm: (lead: string, to: string, minutes: number) =>
      `:repeat: ${lead} had no first touch after ${minutes} min, so it went to ${to}.`,
  },
  slaBoard: {
    title: 'SLA board',
    teamTitle: 'SLA board — the team',
    unclaimedMine: (n: number) => `*Unclaimed in your segments* (${n})`,
    unclaimedTeam: (n: number) => `*Unclaimed* (${n})`,
    unclaimedLine: (lead: string, age: string, due: string) => `${lead} — waiting ${age}, due ${due}`,
    noneUnclaimed: 'Nothing is waiting to be claimed.',
    runningMine: (n: number) => `*My running clocks* (${n})`,
    runningTeam: (n: number) => `*Running clocks* (${n})`,
    noneRunning: 'No first-touch clock is running on your leads.',
    noneRunningTeam: 'No first-touch clock is running.',
    left: (time: string) => `*${time} left*`,
    overdue: (time: string) => `:red_circle: *${time} overdue*`,
    runningLine: (lead: string, left: string, due: string) => `${lead} — ${left} (due ${due})`,
    runningTeamLine: (owner: string, lead: string, left: string, due: string) =>
      `${owner}: ${lead} — ${left} (due ${due})`,
    breachesMine: (n: number) => `*My breaches this week* (${n})`,
    noneBreaches: 'No breaches this week.',
    breachLine: (lead: string, due: string) => `${lead} — was due ${due}`,
    weekTeam: '*This week*',
    metRate: (pct: number, met: number, touched: number) =>
      `First touches within the SLA: *${pct} %* (${met} of ${touched})`,
    metRateNone: 'No first touches yet this week.',
    breachesBySeller: (n: number) => `Breaches: *${n}*`,
    sellerLine: (owner: string, breached: number, met: number, touched: number) =>
      `${owner} — ${breached} breached, ${met} of ${touched} first touches on time`,
    nobody: 'Unassigned',
    more: (n: number) => `…and ${n} more`,
    clockBusiness: (sla: number) =>
      `Times are working minutes on the team calendar; the first-touch SLA is ${sla} minutes.`,
    clockAlways: (sla: number) => `Times are clock minutes; the first-touch SLA is ${sla} minutes.`,
    helpTitle: 'Baton — /sla: your follow-up board',
    helpUsage:
      'Your board: unclaimed leads in your segments with their age and due time, your running first-touch clocks with the time left (and a Log first touch button), and your breaches this week. Managers and admins see the whole team, with the week’s met rate. App Home shows the same board.',
    helpLine:
      'Your SLA board: unclaimed leads, your running clocks and this week’s breaches (managers: the whole team).',
    helpCommand: 'Show this help.',
    unknown: (input: string) => `I don't know \`/sla ${input}\`.`,
    ok: 'OK',
  },
  cadence: {
    reminder: (day: number, label: string, lead: string) =>
      `:spiral_calendar_pad: Day ${day} · ${label} — ${lead}`,
    late: ' _(late: Baton was down)_',
    done: 'Done',
    skip: 'Skip',
    snooze: 'Snooze 1h',
    doneText: (day: number, label: string, lead: string) =>
      `:white_check_mark: Day ${day} · ${label} — ${lead}: done and logged.`,
    skippedText: (day: number, label: string, lead: string) =>
      `:fast_forward: Day ${day} · ${label} — ${lead}: skipped.`,
    snoozedText: (day: number, label: string, lead: string, until: string) =>
      `:zzz: Day ${day} · ${label} — ${lead}: snoozed until ${until}.`,
    notOwner: (owner: string) => `Only the lead’s owner can answer this reminder; it is ${owner}’s now.`,
    notOwnerNobody: 'Only the lead’s owner can answer this reminder, and nobody owns it now.',
    alreadyAnswered: 'This step has already been answered.',
    stepRemoved: 'This step is no longer in the cadence.',
  },
  errors: {
    unknownSubcommand: (input: string) => `I don't know \`/baton ${input}\`. Try \`/baton help\`.`,
    notOnRoster: 'You are not on the Baton roster, so there is nothing to change. Ask an admin to add you.',
    internal: 'Something went wrong on Baton’s side; nothing was changed. Please try again in a minute.',
  },
};

export type Catalog = typeof en;
