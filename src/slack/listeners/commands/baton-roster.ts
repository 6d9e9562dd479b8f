import type { RespondFn } from '@slack/bolt';
import type { ConfigChangeResult } from '../../../admin/config-service.js';
import type { AppContext } from '../../../context.js';
import { checkTeamEdit, type RosterDocEntry, type TeamEditRefusal } from '../../../domain/admin-rights.js';
import { ROLES } from '../../../domain/roles.js';
import {
  editRoster,
  type NewMemberProfile,
  parseRosterCommand,
  type RosterCommand,
  type RosterEditRefusal,
  type RosterParseError,
} from '../../../domain/roster-command.js';
import { documentSegments } from '../../../domain/setup-checklist.js';
import type { Catalog } from '../../../i18n/index.js';
import { workspaceKeyLabels } from '../../blocks/key-labels.js';
import { rosterBlocks } from '../../blocks/roster.js';
import { escapeMrkdwn, mention } from '../../mrkdwn.js';
import { changeFailureText } from '../config-change-text.js';

interface Request {
  teamId: string;
  userId: string;
  arg: string;
}

type Edit = Exclude<RosterCommand, { kind: 'help' }>;

const people = (users: readonly string[]) => users.map(mention).join(', ');

/**
 * `/baton roster` lists the roster (with how to change it); `/baton roster add|remove|set …`
 * changes it through the config service, so the same schema checks it as the file.
 */
export async function answerRoster(
  ctx: AppContext,
  t: Catalog,
  req: Request,
  respond: RespondFn,
): Promise<void> {
  const reply = (text: string) => respond({ response_type: 'ephemeral', text });
  const doc = ctx.services.config.document(req.teamId);
  const parsed = parseRosterCommand(req.arg, documentSegments(doc));
  if (!parsed.ok) return void (await reply(parseErrorText(t, parsed, documentSegments(doc))));
  const { command } = parsed;
  if (req.arg.trim() === '') {
    // Who is on it, with each seller's eligibility now, then how to change it.
    const members = await ctx.services.rosterStatus.roster(req.teamId, ctx.clock.now());
    const blocks = rosterBlocks(t, members, workspaceKeyLabels(t, ctx.configs.for(req.teamId)));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t.admin.roster.usage }] });
    await respond({ response_type: 'ephemeral', text: t.roster.title(members.length), blocks });
    return;
  }
  if (command.kind === 'help') return void (await reply(t.admin.roster.usage));

  const rights = await ctx.services.admins.rights(req.teamId, req.userId);
  if (rights.people.kind === 'none') return void (await reply(t.admin.refusals.notAllowed));
  const teamOf = rights.people.kind === 'team' ? rights.people.managerId : null;
  const profiles = command.kind === 'add' ? await profilesOf(ctx, req.teamId, command.users) : new Map();

  let refusal: RosterEditRefusal | TeamEditRefusal | null = null;
  let edited: RosterDocEntry[] = [];
  const result = await ctx.services.config.change(
    req.teamId,
    { actorId: req.userId, via: 'slack', source: `/baton roster ${req.arg.trim()}`.slice(0, 200) },
    (draft) => {
      refusal = null;
      const effective: Edit =
        teamOf && command.kind === 'add' && command.fields.manager === undefined
          ? { ...command, fields: { ...command.fields, manager: teamOf } }
          : command;
      const next = editRoster(draft, effective, profiles);
      if (!next.ok) {
        refusal = next;
        return;
      }
      if (teamOf) {
        const before = (Array.isArray(draft.roster) ? draft.roster : []) as RosterDocEntry[];
        refusal = checkTeamEdit(before, next.roster, teamOf);
        if (refusal) return;
      }
      edited = next.roster;
      draft.roster = next.roster;
    },
  );
  if (refusal) return void (await reply(refusalText(t, refusal)));
  await reply(resultText(t, command, result, edited));
}

async function profilesOf(ctx: AppContext, teamId: string, users: string[]) {
  const out = new Map<string, NewMemberProfile>();
  for (const user of users) {
    const profile = await ctx.services.admins.profile(teamId, user);
    if (profile)
      out.set(user, {
        ...(profile.tz ? { tz: profile.tz } : {}),
        ...(profile.name ? { name: profile.name } : {}),
      });
  }
  return out;
}

function resultText(t: Catalog, command: Edit, result: ConfigChangeResult, roster: RosterDocEntry[]): string {
  if (!result.ok) return changeFailureText(t, result, roster);
  const who = people(command.users);
  if (command.kind === 'add') return t.admin.roster.added(who, result.version);
  if (command.kind === 'remove') return t.admin.roster.removed(who, result.version);
  return t.admin.roster.updated(who, result.version);
}

function refusalText(t: Catalog, refusal: RosterEditRefusal | TeamEditRefusal): string {
  const who = people(refusal.users);
  switch (refusal.reason) {
    case 'already_on_roster':
      return t.admin.roster.alreadyOnRoster(who);
    case 'not_on_roster':
      return t.admin.roster.notOnRoster(who);
    case 'outside_team':
      return t.admin.refusals.outsideTeam(who);
    case 'role_not_allowed':
      return t.admin.refusals.roleNotAllowed(who);
  }
}

function parseErrorText(t: Catalog, e: RosterParseError, segments: readonly string[]): string {
  const r = t.admin.roster;
  const code = (s: string) => escapeMrkdwn(s);
  switch (e.error) {
    case 'unknown_action':
      return r.unknownAction(code(e.word));
    case 'no_users':
      return r.noUsers;
    case 'plain_mention':
      return r.plainMention(code(e.word));
    case 'unknown_word':
      return r.unknownWord(
        code(e.word),
        ROLES.map((x) => `\`${x}\``).join(', '),
        segments.map((s) => `\`${code(s)}\``).join(', '),
      );
    case 'missing_value':
      return r.missingValue(e.keyword);
    case 'bad_number':
      return r.badNumber(e.keyword, code(e.value));
    case 'nothing_to_set':
      return r.nothingToSet;
    case 'twice':
      return r.twice(e.keyword);
  }
}
