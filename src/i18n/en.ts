import type { Role } from '../domain/roles.js';
import { adminEn } from './sections/admin.js';
import { channelsEn } from './sections/channels.js';
import { configEn } from './sections/config.js';
import { hubspotEn } from './sections/hubspot.js';
import { leadImportEn } from './sections/lead-import.js';
import { retroEn } from './sections/retro.js';
import { retroActionsEn } from './sections/retro-actions.js';
import { sandboxPageEn } from './sections/sandbox-page.js';
import { scenariosEn } from './sections/scenarios.js';
import { settingsEn } from './sections/settings.js';
import { crmSettingsEn } from './sections/settings-crm.js';
import { vocEn } from './sections/voc.js';
import { vocReportEn } from './sections/voc-report.js';
import { webhooksEn } from './sections/webhooks.js';

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
      roster:
        'Who is on the roster: roles, segments and who is out of office. Admins (and managers, for their team) add, remove and change people: `/baton roster help`.',
      ooo: 'Mark yourself out of office (no new leads) until a date, e.g. `/baton ooo 2026-12-31`. Without a date: until you say `/baton back`.',
      back: 'End your out-of-office.',
      settings: 'Your settings: turn the weekly retro reminder DMs on or off.',
      webhooks:
        'Admins: the outbound webhook endpoints, their last delivery and failures, with Send test and Resume.',
    },
    footer:
      'Baton answers only you (ephemeral). Admins set up channels, roster, calendar and SLA on Baton’s App Home (or in baton.yaml).',
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
      `Baton routes leads only to people on its roster. Ask ${admins} to add your Slack user ID \`${userId}\` from Slack with \`/baton roster add @you <roles> <segments>\` (for example \`/baton roster add @you sdr smb\`); it applies at once.`,
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
      import:
        'Marketers, managers and admins: import leads from a CSV file, with a preview before anything is stored.',
      find: 'Look up a lead by email, company, name or id: stage, owner, score and a link to its card.',
      mine: 'Your open leads, by stage.',
      touch:
        'Log a call, email, meeting or other touch on a lead (yours, or any as a manager); it stops the SLA clock.',
      stage:
        'Move a lead to another stage; asks for what the move needs (amount, reason, competitor or revisit day).',
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
    autoAssigned: (owner: string, span: string, place: string) =>
      `:alarm_clock: Unclaimed for ${span}, so assigned to ${owner} — ${place}`,
    slaReassigned: (owner: string, from: string, span: string, place: string) =>
      `:repeat: No first touch from ${from} after ${span}, so reassigned to ${owner} — ${place}`,
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
    /** A duration on the SLA's clock: working minutes (business) or plain minutes (always). */
    span: (n: number, clock: 'business' | 'always' | undefined) =>
      clock === 'business' ? `${n} working min` : `${n} min`,
    nudgeUnclaimed: (span: string) => `:bell: Unclaimed for ${span} — who takes it?`,
    nudgeUntouched: (span: string) => `:bell: No first touch after ${span} — time to follow up.`,
    nudgeDmUnclaimed: (lead: string, span: string) =>
      `:bell: ${lead} has been unclaimed for ${span} — claim it on its card if you can take it.`,
    nudgeDmUntouched: (lead: string, span: string) =>
      `:bell: ${lead} has had no first touch for ${span} — log it once you reach them.`,
    nudgeWatchUnclaimed: (lead: string, span: string) => `:bell: ${lead} has been unclaimed for ${span}.`,
    nudgeWatchUntouched: (lead: string, owner: string, span: string) =>
      `:bell: ${lead} (owner ${owner}) has had no first touch for ${span}.`,
    cardIn: (channel: string) => `Card in ${channel}.`,
    warnOwner: (lead: string, span: string) =>
      `:hourglass_flowing_sand: ${span} left to make the first touch on ${lead}.`,
    warnWatch: (lead: string, owner: string, span: string) =>
      `:hourglass_flowing_sand: ${span} left for ${owner} to make the first touch on ${lead}.`,
    breach: (lead: string, owner: string, span: string) =>
      `:rotating_light: SLA breached: ${lead} (owner ${owner}) had no first touch within ${span}.`,
    overdue: (span: string) => ` ${span} overdue.`,
    nobody: 'nobody',
    reassigned: (from: string, to: string, span: string) =>
      `:repeat: No first touch after ${span}, so reassigned from ${from} to ${to}.`,
    reassignedNobody: (span: string) =>
      `:repeat: No first touch after ${span}, but nobody else can take it now; it stays where it is.`,
    reassignedDm: (lead: string, to: string, span: string) =>
      `:repeat: ${lead} had no first touch after ${span}, so it went to ${to}.`,
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
  homeFunnel: {
    myLeadsTitle: (n: number) => `My open leads (${n})`,
    myLeadsEmpty: 'You have no open leads. New leads for your segments arrive in the leads channel.',
    stageHeading: (stage: string, n: number) => `*${stage}* (${n})`,
    slaDue: (due: string) => `:stopwatch: first touch due ${due}`,
    slaOverdue: (due: string) => `:red_circle: first touch overdue (was due ${due})`,
    slaMet: ':white_check_mark: SLA met',
    slaBreached: ':red_circle: SLA breached',
    nextStep: (day: number, label: string, due: string) => `next: Day ${day} · ${label}, ${due}`,
    more: (n: number) => `…and ${n} more — \`/lead mine\``,
    teamTitle: 'Team funnel — this week',
    weekLine: (first: string, last: string) =>
      `${first} – ${last} · leads that arrived this week, by the furthest stage they reached (cohort)`,
    ofGoal: (count: string, goal: string, pct: number) => `${count} / ${goal} (${pct} %)`,
    goalReached: ':white_check_mark:',
    goalLine: (deals: string, first: string, last: string) =>
      `Goal: *${deals}* deals for ${first} – ${last}; each stage shows count / this week’s share of the goal.`,
    noGoal: 'No goal covers this week. A manager sets one with `/funnel plan set &lt;deals&gt; [period]`.',
    unclaimedLine: (lead: string, arrived: string, due: string) => `${lead} — arrived ${arrived}, due ${due}`,
    reportHint: 'The full report: `/funnel` · last week: `/funnel last-week`',
  },
  funnelPlan: {
    title: (deals: string, period: string) => `Plan: ${deals} deals — ${period}`,
    summary: (deals: string, won: string, first: string, last: string, days: number, weeks: number) =>
      `To win *${deals}* deals (leads reaching ${won}) from ${first} to ${last} — ${days} days, ${weeks} weeks — each stage needs:`,
    stageColumn: 'Stage',
    rateColumn: 'Rate → next',
    neededColumn: 'Needed',
    perWeekColumn: 'Per week',
    defaultMark: '(default)',
    tooFew: (stage: string, rate: string, reached: number, days: number, min: number) =>
      `*${stage}*: ${rate} (default — only ${reached} ${reached === 1 ? 'lead' : 'leads'} reached ${stage} in the last ${days} days, need ${min})`,
    noneReached: (stage: string, rate: string, days: number, min: number) =>
      `*${stage}*: ${rate} (default — no lead reached ${stage} in the last ${days} days, need ${min})`,
    noneConverted: (stage: string, rate: string, reached: number, days: number, next: string) =>
      `*${stage}*: ${rate} (default — none of the ${reached} leads that reached ${stage} in the last ${days} days reached ${next})`,
    observed: (days: number, min: number) =>
      `Rates without "(default)" are what happened to the leads created in the last ${days} days (at least ${min} leads reached the stage).`,
    kpisTitle: '*KPIs per role*',
    kpiItem: (stage: string, needed: string, perWeek: string) => `${stage} *${needed}* (${perWeek}/week)`,
    setHint: (command: string) =>
      `Managers and admins store it as the goal with ${command}; the weekly retro and App Home then compare each week with it.`,
    setTitle: (deals: string, period: string) => `Goal set: ${deals} deals — ${period}`,
    setDone: (deals: string, first: string, last: string) =>
      `:dart: The team’s goal is *${deals}* deals from ${first} to ${last}. The weekly retro and App Home will compare each week with the per-week figures below.`,
    replaced: (deals: string, by: string) => `It replaces the goal of ${deals} deals set by ${by}.`,
    someone: 'someone',
    notAManager:
      'Only managers and admins set the team’s goal. You can still see the plan with `/funnel plan &lt;deals&gt; [period]`.',
    notANumber: (text: string) =>
      `\`${text}\` is not a number of deals — give a whole number, like \`/funnel plan 10 this-quarter\`.`,
    outOfRange: (deals: string, min: number, max: string) =>
      `A goal of ${deals} deals can’t be planned: give a whole number from ${min} to ${max}.`,
    missingDeals: 'How many deals? For example `/funnel plan set 10 this-quarter`.',
    tooFarAhead: (first: string, max: number) =>
      `${first} is too far ahead: a goal’s period may start at most ${max} days from today.`,
    extra: (text: string) =>
      `I don’t understand \`${text}\`: give the deals, then one period, like \`/funnel plan 10 2026-07-01..2026-09-30\`.`,
    periodProblem: (problem: string) =>
      `${problem} Periods: this-week, last-week, this-month, last-month, this-quarter, last-quarter or \`YYYY-MM-DD..YYYY-MM-DD\`.`,
    helpTitle: 'Baton — /funnel plan: work back from a deal goal',
    helpUsage:
      'Works back from the deals you want through your funnel’s conversion rates over the last 90 days (or the configured defaults where there are too few leads) to what each stage needs, in all and per week, as KPIs per role. Without a period: this quarter.',
    helpPlan: 'The plan for a deal goal, e.g. `/funnel plan 10 this-quarter`.',
    helpSet:
      'Store it as the team’s goal for the period (managers and admins); setting it again replaces it.',
  },
  stages: {
    selectPlaceholder: 'Move stage…',
    groupWorking: 'Funnel',
    groupSide: 'Close or park',
    side: { Lost: 'Lost', Disqualified: 'Disqualified', Recycle: 'Recycle' },
    reasons: {
      lost_to_competitor: 'lost to competitor',
      no_budget: 'no budget',
      no_decision: 'no decision',
      timing: 'timing',
      product_fit: 'product fit',
      other: 'other',
      not_a_fit: 'not a fit',
      unreachable: 'unreachable',
      spam_or_fake: 'spam or fake',
      student_or_job_seeker: 'student or job seeker',
      competitor: 'competitor',
      existing_customer: 'existing customer',
      duplicate: 'duplicate',
    },
    modalTitle: 'Move stage',
    modalSubmit: 'Move',
    modalClose: 'Cancel',
    modalIntro: (lead: string, from: string, to: string) => `Move ${lead} from *${from}* to *${to}*.`,
    reasonLabel: 'Reason',
    reasonPlaceholder: 'Pick a reason',
    competitorLabel: 'Competitor',
    competitorHint: 'Who won the deal? Required for “lost to competitor”.',
    amountLabel: 'Deal amount',
    amountHint: 'A number, like 12000 or 12,000.50.',
    currencyLabel: 'Currency',
    currencyHint: 'Three letters, like USD or KRW.',
    revisitLabel: 'Revisit on',
    revisitHint: (stage: string) => `That morning the lead reopens as ${stage} and its marketer is told.`,
    noteLabel: 'Note',
    notePlaceholder: 'Why? Shown in the lead’s thread.',
    unknownStage: (stage: string, stages: string) => `There is no stage “${stage}”. Stages: ${stages}.`,
    sameStage: (stage: string) => `The lead is already at ${stage}.`,
    reasonRequired: (stage: string, reasons: string) => `Moving to ${stage} needs a reason: ${reasons}.`,
    unknownReason: (reason: string, reasons: string) =>
      `“${reason}” is not one of the reasons. Pick one of: ${reasons}.`,
    competitorRequired: 'Name the competitor the deal was lost to.',
    amountRequired: (stage: string) => `${stage} needs the deal’s amount.`,
    badAmount: 'Enter the amount as a number, like 12000 or 12,000.50.',
    badCurrency: (currency: string) =>
      `“${currency}” is not a currency code; use three letters like USD or KRW.`,
    revisitRequired: 'Pick the day to revisit the lead.',
    badDate: (value: string) => `“${value}” is not a date; use YYYY-MM-DD, like 2027-01-15.`,
    revisitNotFuture: (today: string) => `Pick a day after today (${today}).`,
    notFound: 'That lead no longer exists.',
    notOnRosterPlain: 'You are not on the Baton roster, so you cannot move leads. Ask an admin to add you.',
    needLead: 'Which lead? Give its number or email: `/lead 42 stage SQL`.',
    noLead: (ref: string) => `No lead has the number or email \`${ref}\`.`,
    noStage: (stages: string) =>
      `Which stage? Stages: ${stages}. For example \`/lead 42 stage Opportunity 12000 USD\`.`,
    moved: (lead: string, from: string, to: string) =>
      `:white_check_mark: Moved ${lead} from *${from}* to *${to}*.`,
    viaApi: 'The CRM (API)',
    viaBaton: 'Baton',
    movedNote: (by: string, from: string, to: string, detail: string) =>
      `:arrow_right: ${by} moved ${from} → ${to}${detail}`,
    amountDetail: (amount: string) => ` · ${amount}`,
    reasonDetail: (reason: string) => `: ${reason}`,
    competitorDetail: (competitor: string) => ` (${competitor})`,
    untilDetail: (day: string) => ` until ${day}`,
    noteLine: (note: string) => `Note: ${note}`,
    reopenedNote: (to: string, day: string) => `:recycle: Revisit day ${day} has come: reopened as *${to}*.`,
    dmReopened: (lead: string, to: string, day: string) =>
      `:recycle: ${lead} is back in the funnel as *${to}*: its revisit day ${day} has come.`,
    dmParked: (by: string, at: string) => `Parked in Recycle by ${by} on ${at}.`,
    dmWhy: (why: string) => `Why: ${why}`,
    dmOwner: (owner: string) => `Owner: ${owner}.`,
    dmNoOwner: 'It has no owner: anyone serving its segment can claim it on the card.',
    dmCard: (channel: string) =>
      `Its card and thread, with the marketing context and history, are in ${channel}.`,
  },
  funnelChart: {
    title: (days: string) => `Funnel · ${days}`,
    mode: {
      cohort: 'Cohort: how far the leads created in the period got',
      flow: 'Flow: stage entries during the period',
    },
    soFar: ' (so far)',
    goal: 'goal',
    comment: (who: string) => `Funnel chart for ${who}`,
    sentToDm:
      'I can’t post in this conversation, so the chart is in your DM with me. To get charts here, invite me with `/invite @Baton`.',
    failed: (error: string) =>
      `:warning: The chart could not be uploaded (\`${error}\`). The numbers above are unaffected; try again in a minute.`,
  },
  funnelExport: {
    period: (first: string, last: string) => (first === last ? `on ${first}` : `from ${first} to ${last}`),
    sending: (period: string) =>
      `:hourglass_flowing_sand: Exporting the leads created ${period}; the files will arrive in your DM with me.`,
    comment: (period: string, timeZone: string) =>
      `Baton export: the leads created ${period}, and every stage change of those leads. Times are in ${timeZone}. These files hold personal data: keep them somewhere safe and delete them when you are done.`,
    commentMine: ' Only the leads you own are included.',
    sent: (leads: number, events: number, period: string) =>
      `:white_check_mark: Sent to your DM: ${leads} ${leads === 1 ? 'lead' : 'leads'} created ${period} and their ${events} stage ${events === 1 ? 'event' : 'events'} (two CSV files).`,
    mineOnly: 'You get the leads you own; managers, admins and marketers can export the whole team.',
    truncated: (cap: string, day: string, command: string) =>
      `:warning: The period holds more than ${cap} leads, so the export stops at the oldest ${cap}. The rest start on ${day}: \`${command}\``,
    empty: (period: string) => `No leads were created ${period}, so there is nothing to export.`,
    emptyMine: (period: string) =>
      `None of the leads created ${period} are yours, so there is nothing to export.`,
    dmFailed: (error: string) =>
      `:warning: I couldn’t send the export to your DM (\`${error}\`). Nothing was shared; try again in a minute.`,
    usage:
      'Try `/funnel export [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD]` (default: this month).',
  },
  funnel: {
    numberLocale: 'en-US',
    title: (period: string, mode: string) => `Funnel — ${period} (${mode})`,
    periodNames: {
      'this-week': 'this week',
      'last-week': 'last week',
      'this-month': 'this month',
      'last-month': 'last month',
      'this-quarter': 'this quarter',
      'last-quarter': 'last quarter',
    },
    modes: { cohort: 'cohort', flow: 'flow' },
    dates: (first: string, last: string) => `${first} – ${last}`,
    periodLine: (dates: string, compared: string) => `:calendar: ${dates} · change against ${compared}`,
    runningLine: (dates: string, compared: string) =>
      `:calendar: ${dates}, so far · change against ${compared}, cut at the same point`,
    columns: { stage: 'Stage', count: 'Count', conversion: '→ next', change: 'Change', days: 'Days' },
    tableNote:
      '→ next: conversion to the next stage · Change: against the previous period · Days: median days in stage',
    bottleneck: (stage: string, next: string, conversion: string, previous: string, days: string) =>
      `:warning: *Bottleneck: ${stage} → ${next}* converts ${conversion} (previous period: ${previous}); median time in ${stage}: ${days}.`,
    noBottleneck: 'Bottleneck: not enough data — no stage before the won stage has 5 or more.',
    daysValue: (days: string) => `${days} days`,
    noStays: 'no stay ended in the period',
    none: '—',
    movesBack: (n: number) =>
      `:leftwards_arrow_with_hook: ${n} ${n === 1 ? 'move' : 'moves'} back to an earlier stage (not counted as entries).`,
    speedTitle: '*Speed to lead*',
    speed: (median: string, p90: string) => `median ${median} · p90 ${p90} to the first touch`,
    noTouches: 'no first touch logged yet',
    withinSla: (pct: string, met: number, decided: number) =>
      `${pct} within the SLA (${met} of ${decided} decided)`,
    noSlaDecided: 'no SLA decided yet',
    touched: (touched: number, leads: number) => `${touched} of ${leads} routed leads touched`,
    dealsTitle: '*Deals*',
    deals: (won: string, lost: string, rate: string) => `won ${won} · lost ${lost} · win rate ${rate}`,
    amountWon: (amounts: string) => `Amount won: ${amounts}`,
    noAmountWon: 'Amount won: none recorded',
    competitors: (list: string) => `Per competitor: ${list}`,
    competitor: (name: string, won: number, lost: number, rate: string) =>
      `${name} ${won} won / ${lost} lost (${rate})`,
    stuckTitle: (n: string) => `*Stuck now* (${n})`,
    stuckLine: (stage: string, n: string, days: string) => `${stage}: ${n} over ${days}`,
    noneStuck: 'No lead is stuck.',
    byTitle: { segment: '*By segment*', source: '*By source*', owner: '*By owner*' },
    byStages: (stages: string) => `counts per stage: ${stages}`,
    unassigned: 'Unassigned',
    noGroups: 'Nothing to split in this period.',
    more: (n: number) => `…and ${n} more`,
    explainCohort: (command: string) =>
      `Cohort: the leads that arrived in the period and the furthest stage each has reached so far. For the stage entries that happened during the period: ${command}`,
    explainFlow: (command: string) =>
      `Flow: the stage entries that happened during the period (a skip enters every stage it passes). For the leads that arrived in the period and how far they got: ${command}`,
    helpTitle: 'Baton — /funnel: the funnel, stage by stage',
    helpUsage:
      'Per stage: count, conversion to the next stage, change against the previous period and median days in stage; the bottleneck with its reason; speed to lead; deals won and lost, win rate, amount won and per competitor; leads stuck in a stage. Words go in any order; every figure is defined in docs/funnel.md.',
    helpReport: 'The report. Default: this week, cohort.',
    helpPeriods:
      'Periods, in the team’s time zone (weeks start Monday): `this-week`, `last-week`, `this-month`, `last-month`, `this-quarter`, `last-quarter`, or `YYYY-MM-DD..YYYY-MM-DD` (both days included, up to 366 days).',
    helpModes:
      '`cohort`: the leads that arrived in the period and how far they got. `flow`: the stage entries during the period.',
    helpBy: 'Split the counts per segment, source or owner.',
    helpChart: 'Also share the funnel as a chart image.',
    helpPlan:
      'Work back from a deal goal to what each stage and role needs; `plan set` stores it as the goal.',
    helpExport: 'A CSV of the period’s leads and their stage moves, sent to your DM.',
    helpHelp: 'Show this help.',
    unknownWord: (word: string) => `I don't know \`${word}\` in \`/funnel\`.`,
    byNeedsGroup: (got: string) =>
      `\`by ${got}\` can't split the funnel: use \`by segment\`, \`by source\` or \`by owner\`.`,
    byMissing: 'Say what to split by: `by segment`, `by source` or `by owner`.',
    twice: (first: string, second: string) => `Give one of \`${first}\` and \`${second}\`, not both.`,
    unknownPeriod: (text: string) => `\`${text}\` is not a period.`,
    badDate: (value: string) => `\`${value}\` is not a date: use YYYY-MM-DD, like 2026-01-05.`,
    reversed: (first: string, last: string) => `The range ends (${last}) before it starts (${first}).`,
    tooLong: (days: number, max: number) =>
      `That range is ${days} days long; a report covers at most ${max}.`,
    future: (first: string, today: string) =>
      `The range starts on ${first}, after today (${today}); there is nothing to count yet.`,
    accepted:
      'Try `/funnel [this-week | last-week | this-month | last-month | this-quarter | last-quarter | YYYY-MM-DD..YYYY-MM-DD] [by segment | source | owner] [cohort | flow] [chart]`, or `/funnel help`.',
  },
  voc: vocEn,
  hubspot: hubspotEn,
  vocReport: vocReportEn,
  sandboxPage: sandboxPageEn,
  scenarios: scenariosEn,
  leadImport: leadImportEn,
  retro: retroEn,
  retroActions: retroActionsEn,
  settings: settingsEn,
  channels: channelsEn,
  admin: adminEn,
  config: configEn,
  webhooks: webhooksEn,
  crmSettings: crmSettingsEn,
  errors: {
    unknownSubcommand: (input: string) => `I don't know \`/baton ${input}\`. Try \`/baton help\`.`,
    notOnRoster: 'You are not on the Baton roster, so there is nothing to change. Ask an admin to add you.',
    internal: 'Something went wrong on Baton’s side; nothing was changed. Please try again in a minute.',
  },
};

export type Catalog = typeof en;
