export interface AwayState {
  outOfOffice: boolean;
  outOfOfficeUntil: Date | null;
}

/** Out of office now: marked away, and either open-ended or the end is still ahead. */
export function isAway(member: AwayState, now: Date): boolean {
  return member.outOfOffice && (member.outOfOfficeUntil === null || member.outOfOfficeUntil > now);
}

/** What Slack surfaces show about a roster member. */
export interface MemberSummary {
  userId: string;
  roles: string[];
  segments: string[];
  away: boolean;
  awayUntil: Date | null;
}
