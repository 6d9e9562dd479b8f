import type { MemberHours } from '../config/workspace-schema.js';
import type { MemberRow } from '../db/queries/members.js';
import { type Eligibility, type EligibilityContext, eligibility } from '../domain/routing.js';

/** Whether a stored roster member may take a lead now (routing and /baton roster ask the same way). */
export function memberEligibility(m: MemberRow, openLeads: number, ctx: EligibilityContext): Eligibility {
  return eligibility(
    {
      userId: m.userId,
      roles: m.roles,
      segments: m.segments,
      onRoster: m.onRoster,
      outOfOffice: m.outOfOffice,
      outOfOfficeUntil: m.outOfOfficeUntil,
      timeZone: m.timeZone,
      workingHours: m.workingHours as MemberHours,
      maxOpenLeads: m.maxOpenLeads,
      openLeads,
    },
    ctx,
  );
}
