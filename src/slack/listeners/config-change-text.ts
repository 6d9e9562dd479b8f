import type { ConfigChangeResult } from '../../admin/config-service.js';
import { yamlPath } from '../../config/workspace.js';
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn, mention } from '../mrkdwn.js';

type Failure = Extract<ConfigChangeResult, { ok: false }>;

/**
 * A refused config change as an ephemeral answer: the schema's own message per problem, naming its
 * key path (and, for a roster entry, whose it is), or that the file manages it.
 */
export function changeFailureText(
  t: Catalog,
  result: Failure,
  roster: ReadonlyArray<{ user: string }> = [],
): string {
  const r = t.admin.refusals;
  switch (result.reason) {
    case 'unchanged':
      return r.unchanged;
    case 'managed_by_file':
      return r.managed(result.keys.map((k) => `\`${escapeMrkdwn(k)}\``).join(', '));
    case 'invalid': {
      const lines = result.problems.map((p) => {
        const who =
          p.path[0] === 'roster' && typeof p.path[1] === 'number' ? roster[p.path[1]]?.user : undefined;
        const path = p.path.length > 0 ? yamlPath(p.path) : '';
        return r.problem(
          `${escapeMrkdwn(path || '—')}`,
          `${who ? `(${mention(who)}) ` : ''}${escapeMrkdwn(p.message)}`,
        );
      });
      return r.invalid(lines.join('\n'));
    }
  }
}
