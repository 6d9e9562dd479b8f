/**
 * Slack mrkdwn → Preact nodes, as Slack shows it. slack-message-parser does the parsing (bold, italic,
 * strike, code, code blocks, quotes, links, mentions, `<!…>` commands, emoji); this file decides what
 * each node looks like. Nothing here builds HTML from strings: text goes into text nodes, so a lead
 * named `<script>` shows as those characters.
 */
import { Fragment, h, type VNode } from 'preact';
import parse, { type Node, NodeType } from 'slack-message-parser';
import { emojiFor } from './emoji.js';
import { formatSlackDate } from './slack-date.js';

export interface MrkdwnContext {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  /** The reader's time zone and locale, for `<!date^…>`. */
  timeZone: string;
  locale: string;
  now: Date;
}

/** Slack's three escapes, undone for display. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** A mrkdwn text object's content. */
export function mrkdwn(text: string, ctx: MrkdwnContext): VNode {
  // A `>` at a line start is a quote whether or not the sender escaped it.
  const source = text.replace(/^>/gm, '&gt;');
  return h(Fragment, null, ...parse(source).children.map((node) => render(node, ctx)));
}

/** A plain_text object's content: only emoji shortcodes are turned into emoji (when `emoji` is not false). */
export function plainText(text: string, emoji = true): VNode {
  if (!emoji) return h(Fragment, null, text);
  const parts = text.split(/(:[a-z0-9_+'-]+(?:::skin-tone-\d)?:)/);
  return h(
    Fragment,
    null,
    ...parts.map((part, i) => (i % 2 === 1 ? emojiNode(part.slice(1, -1)) : lines(part))),
  );
}

function render(node: Node, ctx: MrkdwnContext): VNode | string {
  const children = (nodes: Node[]) => nodes.map((n) => render(n, ctx));
  switch (node.type) {
    case NodeType.Text:
      return lines(unescapeSlack(node.text));
    case NodeType.Bold:
      return h('b', null, ...children(node.children));
    case NodeType.Italic:
      return h('i', null, ...children(node.children));
    case NodeType.Strike:
      return h('s', null, ...children(node.children));
    case NodeType.Code:
      return h('code', null, unescapeSlack(node.text));
    case NodeType.PreText:
      return h('pre', null, unescapeSlack(node.text.replace(/^\n/, '')));
    case NodeType.Quote:
      return h('blockquote', null, ...children(node.children));
    case NodeType.URL: {
      const label = node.label ? children(node.label) : [unescapeSlack(node.url)];
      return h('a', { href: unescapeSlack(node.url), target: '_blank', rel: 'noreferrer' }, ...label);
    }
    case NodeType.UserLink: {
      const name = ctx.userName(node.userID) ?? plain(node.label) ?? node.userID;
      return h('span', { class: 'mention', 'data-user': node.userID }, `@${name}`);
    }
    case NodeType.ChannelLink: {
      const name = ctx.channelName(node.channelID) ?? plain(node.label) ?? node.channelID;
      return h('span', { class: 'mention', 'data-channel': node.channelID }, `#${name}`);
    }
    case NodeType.Command:
      return command(node.name, node.arguments, plain(node.label), ctx);
    case NodeType.Emoji:
      return emojiNode(node.name + (node.variation ? `::${node.variation}` : ''));
    case NodeType.Root:
      return h(Fragment, null, ...children(node.children));
  }
}

/** `<!here>`, `<!channel>`, `<!everyone>`, `<!subteam^…|@handle>`, `<!date^…>`. */
function command(name: string, args: string[], label: string | undefined, ctx: MrkdwnContext): VNode {
  if (name === 'here' || name === 'channel' || name === 'everyone')
    return h('span', { class: 'mention broadcast' }, `@${name}`);
  if (name === 'subteam') return h('span', { class: 'mention' }, label ?? `@${args[0] ?? 'team'}`);
  if (name === 'date') {
    const [seconds, format, link] = args;
    const when = Number(seconds);
    const text =
      Number.isFinite(when) && format !== undefined
        ? formatSlackDate(new Date(when * 1000), format, ctx)
        : (label ?? '');
    const shown = h(
      'time',
      { dateTime: Number.isFinite(when) ? new Date(when * 1000).toISOString() : '' },
      text,
    );
    return link ? h('a', { href: link, target: '_blank', rel: 'noreferrer' }, shown) : shown;
  }
  return h('span', null, label ?? `<!${name}>`);
}

function emojiNode(name: string): VNode {
  const char = emojiFor(name);
  if (char) return h('span', { class: 'emoji', title: `:${name}:` }, char);
  return h('span', { class: 'emoji custom', title: `:${name}:` }, `:${name}:`);
}

/** Text with its line breaks kept. */
function lines(text: string): VNode {
  const parts = text.split('\n');
  return h(Fragment, null, ...parts.flatMap((part, i) => (i === 0 ? [part] : [h('br', null), part])));
}

function plain(nodes: Node[] | undefined): string | undefined {
  if (!nodes) return undefined;
  return nodes.map((n) => ('text' in n ? n.text : n.source)).join('');
}
