/**
 * Pieces of baton.yaml that several e2e teams share, joined into a file with template strings. Each
 * piece is top-level YAML ending in a newline, so a test spells out only what makes its team its own.
 */

/** Cards wait for a claim, and every lead is new business (all test leads share the company Acme). */
export const CLAIM_ROUTING_YAML = `routing:
  match_existing_accounts: false
  default:
    mode: claim
channels:
  leads:
    smb: C0LEADS
    enterprise: C0ENTLEADS
`;

/** Working hours 09:00–18:00 in Seoul (UTC+9) = 00:00–09:00 UTC; "today" and "this week" are Seoul's. */
export const SEOUL_CALENDAR_YAML = `calendar:
  time_zone: Asia/Seoul
`;

/** Two smb sellers, an enterprise AE, a marketer and a manager who is also the admin. */
export const HANDOFF_ROSTER: readonly string[] = [
  '{ user: U0SDR0001, roles: [sdr], segments: [smb] }',
  '{ user: U0SDR0002, roles: [sdr], segments: [smb] }',
  '{ user: U0AE00001, roles: [ae], segments: [enterprise] }',
  '{ user: U0MKT0001, roles: [marketer] }',
  '{ user: U0MGR0001, roles: [manager, admin] }',
];

/** The `roster:` section, one YAML flow mapping per member. */
export const rosterYaml = (members: readonly string[]) =>
  `roster:\n${members.map((m) => `  - ${m}\n`).join('')}`;
