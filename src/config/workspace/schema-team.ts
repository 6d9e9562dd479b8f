/** The channels, roster and voc sections: where Baton posts and who it routes to. */
import { z } from 'zod';
import { isSeller, ROLES } from '../../domain/roles.js';
import { VOC_CATEGORIES, type VocCategory } from './constants.js';
import {
  channelId,
  clockTime,
  pattern,
  slug,
  strictMap,
  uniqueList,
  unlessBroken,
  unlessMissing,
  userId,
  weekdayList,
  wholeNumber,
} from './primitives.js';
import { timeZone } from './time-zone.js';

const memberSchema = strictMap({
  user: userId,
  name: z.string().trim().min(1).optional(),
  roles: uniqueList(z.enum(ROLES)).min(1).default(['sdr']),
  segments: uniqueList(slug).min(1).optional(),
  weight: wholeNumber(1, 100).default(1),
  max_open_leads: wholeNumber(1, 1000).optional(),
  time_zone: timeZone.optional(),
  // Each field falls back to the calendar's, so a member can override just `start`.
  working_hours: strictMap({
    days: weekdayList.optional(),
    start: clockTime.optional(),
    end: clockTime.optional(),
  }).optional(),
  manager: userId.optional(),
});

export const rosterSchema = z.array(memberSchema).superRefine(
  (roster, ctx) => {
    const users = roster.map((m) => m.user);
    roster.forEach((member, i) => {
      const first = users.indexOf(member.user);
      if (first !== i) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'user'],
          message: `"${member.user}" is already on the roster (roster[${first}])`,
        });
      }
      if (member.manager === member.user) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'manager'],
          message: 'a member cannot be their own manager',
        });
      } else if (member.manager !== undefined && !users.includes(member.manager)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'manager'],
          message: `"${member.manager}" is not on the roster`,
        });
      }
    });
    if (!roster.some((m) => isSeller(m.roles))) {
      ctx.addIssue({
        code: 'custom',
        message:
          'no member has a seller role (sdr or ae); every lead is routed to a seller, so give at least one member roles: [sdr] or [ae]',
      });
    }
  },
  unlessBroken(
    (path) =>
      path.length < 2 || (path.length === 2 && ['user', 'roles', 'manager'].includes(String(path[1]))),
  ),
);

export const vocSchema = strictMap({
  reaction: z
    .string()
    .trim()
    .transform((name) => name.replace(/^:(.*):$/, '$1'))
    .pipe(pattern(/^[a-z0-9_+'-]+$/, 'an emoji name like "voc" or ":voc:"'))
    .default('voc'),
});

const vocChannels = strictMap(
  Object.fromEntries(VOC_CATEGORIES.map((c) => [c, channelId.optional()])) as Record<
    VocCategory,
    z.ZodOptional<typeof channelId>
  >,
);

export const channelsSchema = strictMap({
  leads: z.union([channelId, z.record(z.string(), channelId)], {
    error: unlessMissing('must be a channel id, or a map of segment to channel id'),
  }),
  escalations: channelId.optional(),
  retro: channelId.optional(),
  voc: vocChannels.prefault({}),
});
