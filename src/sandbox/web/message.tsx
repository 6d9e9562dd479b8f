/** One message as Slack shows it: author, time, text or blocks, files, reactions, thread summary, and its hover actions. */
import { useContext } from 'preact/hooks';
import { MESSAGE_SHORTCUTS, type PageMessage } from '../page/types.js';
import { type BlockContext, renderAttachments, renderBlocks } from './blocks.js';
import { Page, type PageContext } from './context.js';
import { emojiFor } from './emoji.js';
import { mrkdwn } from './mrkdwn.js';

export function messageBlockContext(
  page: PageContext,
  act: (action: Record<string, unknown>) => void,
): BlockContext {
  return {
    ...page.mrkdwn,
    surface: 'message',
    users: page.state.users.filter((u) => !u.isBot),
    channels: page.state.channels.filter((c) => !c.isDm),
    act,
    value: () => undefined,
    setValue: () => {},
    errors: {},
    confirm: page.confirm,
    t: page.t,
  };
}

export function timeOf(ts: string, page: PageContext): string {
  return new Intl.DateTimeFormat(page.lang === 'ko' ? 'ko-KR' : 'en-US', {
    timeZone: page.mrkdwn.timeZone,
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(Number(ts) * 1000));
}

interface Props {
  channel: string;
  message: PageMessage;
  ephemeral?: boolean;
  /** In the thread pane: no thread summary. */
  inThread?: boolean;
}

export function Message({ channel, message, ephemeral = false, inThread = false }: Props) {
  const page = useContext(Page) as PageContext;
  const { state, t } = page;
  const author = state.users.find((u) => u.id === message.user);
  const isBot = message.bot_id !== undefined || author?.isBot === true;
  const name = isBot ? 'Baton' : (author?.realName ?? message.user ?? '?');
  const act = (action: Record<string, unknown>) =>
    void page.act({ kind: 'action', channel, ts: message.ts, ephemeral, action });
  const ctx = messageBlockContext(page, act);
  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  const replyCount = typeof message.reply_count === 'number' ? message.reply_count : 0;
  const files = Array.isArray(message.files) ? message.files : [];

  return (
    <article class={`message${ephemeral ? ' ephemeral' : ''}`} data-ts={message.ts} data-testid="message">
      <div class={`avatar${isBot ? ' bot' : ''}`}>{name.slice(0, 1)}</div>
      <div class="message-body">
        <header>
          <strong class="author">{name}</strong>
          {isBot ? <span class="app-badge">{t.appBadge}</span> : null}
          <time class="ts">{timeOf(message.ts, page)}</time>
          {ephemeral ? <span class="only-you">{t.onlyYou}</span> : null}
        </header>
        {blocks ? (
          renderBlocks(message.blocks, ctx)
        ) : (
          <div class="text">{mrkdwn(message.text, page.mrkdwn)}</div>
        )}
        {renderAttachments(message.attachments, ctx)}
        {files.map((f) =>
          f.mimetype.startsWith('image/') ? (
            <figure class="file-image" key={f.id}>
              <figcaption>{f.title}</figcaption>
              <img
                src={new URL(f.url_private).pathname}
                alt={String((f as Record<string, unknown>).alt_txt ?? f.title)}
              />
            </figure>
          ) : (
            <a class="file" key={f.id} href={new URL(f.url_private).pathname} download={f.name}>
              {t.file}: {f.title}
            </a>
          ),
        )}
        {message.reactions?.length ? (
          <div class="reactions">
            {message.reactions.map((r) => (
              <button
                type="button"
                key={r.name}
                class={`reaction${r.users.includes(state.as) ? ' mine' : ''}`}
                title={`:${r.name}:`}
                onClick={() => void page.act({ kind: 'reaction', channel, ts: message.ts, name: r.name })}
              >
                {emojiFor(r.name) ?? `:${r.name}:`} {r.count}
              </button>
            ))}
          </div>
        ) : null}
        {!inThread && replyCount > 0 ? (
          <button type="button" class="thread-link" onClick={() => page.openThread(channel, message.ts)}>
            {t.replies(replyCount)}
          </button>
        ) : null}
      </div>
      {ephemeral ? null : (
        <div class="hover-actions">
          <button
            type="button"
            data-testid="react-voc"
            title={t.react}
            onClick={() => void page.act({ kind: 'reaction', channel, ts: message.ts, name: 'voc' })}
          >
            :voc:
          </button>
          {inThread ? null : (
            <button
              type="button"
              data-testid="reply"
              title={t.thread}
              onClick={() => page.openThread(channel, message.ts)}
            >
              💬
            </button>
          )}
          <select
            aria-label={t.moreActions}
            data-testid="shortcuts"
            value=""
            onChange={(e) => {
              const callback_id = e.currentTarget.value;
              e.currentTarget.value = '';
              void page.act({ kind: 'shortcut', callback_id, channel, ts: message.ts });
            }}
          >
            <option value="" disabled>
              ⋯
            </option>
            {MESSAGE_SHORTCUTS.map((id) => (
              <option value={id} key={id}>
                {t.shortcuts[id]}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="copy-json"
            title={t.copyJson}
            onClick={() =>
              page.showJson(
                blocks
                  ? { blocks: message.blocks }
                  : { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }] },
              )
            }
          >
            {'{ }'}
          </button>
        </div>
      )}
    </article>
  );
}
