/**
 * Block Kit → Preact nodes, laid out the way Slack lays them out: sections with fields and an
 * accessory, context, actions, headers, dividers, images and input blocks, with every interactive
 * element Baton uses. Clicks and picks go to `ctx.act`; values typed into a view go to `ctx.setValue`
 * (Slack's view state) and are sent with the submission.
 */
import { Fragment, h, type VNode } from 'preact';
import { type MrkdwnContext, mrkdwn, plainText } from './mrkdwn.js';

export type Json = Record<string, unknown>;

/** A view state value as Slack sends it (`{ type, value | selected_* }`). */
export type StateValue = Json;

export interface BlockContext extends MrkdwnContext {
  surface: 'message' | 'modal' | 'home';
  users: { id: string; realName: string }[];
  channels: { id: string; name: string }[];
  /** Clicks, picks in actions blocks and accessories, and inputs with dispatch_action. */
  act(action: Json): void;
  /** The current value of an input (views only). */
  value(blockId: string, actionId: string): StateValue | undefined;
  setValue(blockId: string, actionId: string, value: StateValue): void;
  /** Errors under input blocks (block id → message) from a refused submission. */
  errors: Record<string, string>;
  /** Options for an external_select as the person types. */
  suggest?(blockId: string, actionId: string, query: string): void;
  suggestions?: Record<string, Json[]>;
  /** Asks before an action whose element has `confirm`; resolves true to go on. */
  confirm(dialog: Json): Promise<boolean>;
  t: { selectPlaceholder: string; typeToSearch: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Json | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => obj(x)) as Json[]) : []);

/** A text object: mrkdwn or plain_text. */
export function text(value: unknown, ctx: MrkdwnContext): VNode | null {
  const t = obj(value);
  if (!t) return typeof value === 'string' ? plainText(value) : null;
  const body = str(t.text) ?? '';
  return t.type === 'mrkdwn' ? mrkdwn(body, ctx) : plainText(body, t.emoji !== false);
}

const textString = (value: unknown): string => str(obj(value)?.text) ?? str(value) ?? '';

export function renderBlocks(blocks: unknown, ctx: BlockContext): VNode {
  return h(
    'div',
    { class: 'blocks' },
    ...list(blocks).map((b, i) => h(Block, { key: str(b.block_id) ?? i, block: b, ctx })),
  );
}

function Block({ block, ctx }: { block: Json; ctx: BlockContext }): VNode | null {
  const blockId = str(block.block_id) ?? '';
  switch (block.type) {
    case 'header':
      return h('div', { class: 'block header' }, text(block.text, ctx));
    case 'divider':
      return h('hr', { class: 'block divider' });
    case 'section': {
      const accessory = obj(block.accessory);
      return h(
        'div',
        { class: 'block section' },
        h(
          'div',
          { class: 'section-body' },
          block.text ? h('div', { class: 'section-text' }, text(block.text, ctx)) : null,
          Array.isArray(block.fields)
            ? h(
                'div',
                { class: 'fields' },
                ...list(block.fields).map((f) => h('div', { class: 'field' }, text(f, ctx))),
              )
            : null,
        ),
        accessory ? h('div', { class: 'accessory' }, element(accessory, blockId, ctx)) : null,
      );
    }
    case 'context':
      return h(
        'div',
        { class: 'block context' },
        ...list(block.elements).map((e) =>
          e.type === 'image'
            ? h('img', { class: 'context-image', src: str(e.image_url), alt: str(e.alt_text) ?? '' })
            : h('span', null, text(e, ctx)),
        ),
      );
    case 'actions':
      return h(
        'div',
        { class: 'block actions' },
        ...list(block.elements).map((e) => element(e, blockId, ctx)),
      );
    case 'image':
      return h(
        'figure',
        { class: 'block image' },
        block.title ? h('figcaption', null, text(block.title, ctx)) : null,
        h('img', { src: str(block.image_url), alt: str(block.alt_text) ?? '' }),
      );
    case 'input': {
      const error = ctx.errors[blockId];
      const el = obj(block.element);
      return h(
        'div',
        { class: `block input${error ? ' has-error' : ''}`, 'data-block-id': blockId },
        h(
          'label',
          { class: 'input-label' },
          text(block.label, ctx),
          block.optional ? h('span', { class: 'optional' }, ' (optional)') : null,
        ),
        el ? element(el, blockId, ctx, { input: true, dispatch: block.dispatch_action === true }) : null,
        block.hint ? h('div', { class: 'hint' }, text(block.hint, ctx)) : null,
        error ? h('div', { class: 'field-error', role: 'alert' }, error) : null,
      );
    }
    case 'rich_text':
      return h('div', { class: 'block rich-text' }, richText(block.elements));
    default:
      return h('div', { class: 'block unknown' }, `[${String(block.type)} block]`);
  }
}

/** User messages arrive as rich_text; the page shows their words. */
function richText(elements: unknown): string {
  return list(elements)
    .map((e) => (Array.isArray(e.elements) ? richText(e.elements) : (str(e.text) ?? '')))
    .join('');
}

interface Place {
  input?: boolean;
  dispatch?: boolean;
}

function optionLabel(option: Json): string {
  return textString(option.text);
}

function allOptions(el: Json): Json[] {
  const groups = list(el.option_groups).flatMap((g) => list(g.options));
  return [...list(el.options), ...groups];
}

/** An element: in an input block its value is kept; elsewhere (and with dispatch_action) a change is an action. */
function element(el: Json, blockId: string, ctx: BlockContext, place: Place = {}): VNode {
  const actionId = str(el.action_id) ?? '';
  const type = str(el.type) ?? '';
  const keep = ctx.surface !== 'message';
  const change = (stateValue: StateValue, action: Json) => {
    if (keep) ctx.setValue(blockId, actionId, stateValue);
    if (!place.input || place.dispatch)
      fire(el, { action_id: actionId, block_id: blockId, type, ...action }, ctx);
  };
  const current = ctx.value(blockId, actionId);
  const placeholder = textString(el.placeholder) || ctx.t.selectPlaceholder;

  switch (type) {
    case 'button': {
      const style = str(el.style);
      const url = str(el.url);
      // A link button opens its URL and still tells the app, as in Slack.
      return h(
        url ? 'a' : 'button',
        {
          ...(url ? { href: url, target: '_blank', rel: 'noreferrer' } : { type: 'button' }),
          class: `btn${style ? ` btn-${style}` : ''}`,
          'data-action-id': actionId,
          onClick: () =>
            fire(
              el,
              {
                action_id: actionId,
                block_id: blockId,
                type,
                ...(el.value !== undefined ? { value: el.value } : {}),
              },
              ctx,
            ),
        },
        text(el.text, ctx),
      );
    }
    case 'static_select':
    case 'overflow': {
      const options = allOptions(el);
      const selected = str(obj(current?.selected_option)?.value) ?? str(obj(el.initial_option)?.value) ?? '';
      return h(
        'select',
        {
          class: type === 'overflow' ? 'overflow' : 'select',
          'data-action-id': actionId,
          value: type === 'overflow' ? '' : selected,
          'aria-label': type === 'overflow' ? '⋯' : placeholder,
          onChange: (e: Event) => {
            const value = (e.currentTarget as unknown as { value: string }).value;
            const option = options.find((o) => o.value === value);
            if (option) change({ type, selected_option: option }, { selected_option: option });
          },
        },
        h('option', { value: '', disabled: true }, type === 'overflow' ? '⋯' : placeholder),
        ...options.map((o) => h('option', { value: str(o.value) }, optionLabel(o))),
      );
    }
    case 'multi_static_select':
    case 'checkboxes': {
      const options = allOptions(el);
      const chosen = new Set(
        list(current?.selected_options ?? el.initial_options).map((o) => str(o.value) ?? ''),
      );
      const toggle = (value: string) => {
        const next = options.filter((o) =>
          o.value === value ? !chosen.has(value) : chosen.has(str(o.value) ?? ''),
        );
        change({ type, selected_options: next }, { selected_options: next });
      };
      return h(
        'div',
        { class: type === 'checkboxes' ? 'checkboxes' : 'multi-select', 'data-action-id': actionId },
        ...options.map((o) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              checked: chosen.has(str(o.value) ?? ''),
              onChange: () => toggle(str(o.value) ?? ''),
            }),
            ' ',
            text(o.text, ctx),
          ),
        ),
      );
    }
    case 'radio_buttons': {
      const options = allOptions(el);
      const selected = str(obj(current?.selected_option)?.value) ?? str(obj(el.initial_option)?.value);
      return h(
        'div',
        { class: 'radios', 'data-action-id': actionId },
        ...options.map((o) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'radio',
              name: `${blockId}.${actionId}`,
              checked: selected === o.value,
              onChange: () => change({ type, selected_option: o }, { selected_option: o }),
            }),
            ' ',
            text(o.text, ctx),
          ),
        ),
      );
    }
    case 'external_select':
      return externalSelect(el, blockId, actionId, ctx, change, current);
    case 'users_select':
    case 'multi_users_select':
    case 'conversations_select':
    case 'channels_select': {
      const users = type.includes('users');
      const choices = users
        ? ctx.users.map((u) => ({ id: u.id, label: u.realName }))
        : ctx.channels.map((c) => ({ id: c.id, label: `#${c.name}` }));
      const multi = type.startsWith('multi_');
      const key = users
        ? multi
          ? 'selected_users'
          : 'selected_user'
        : type === 'channels_select'
          ? 'selected_channel'
          : 'selected_conversation';
      const initialKey = users
        ? multi
          ? 'initial_users'
          : 'initial_user'
        : type === 'channels_select'
          ? 'initial_channel'
          : 'initial_conversation';
      const raw = current?.[key] ?? el[initialKey];
      const selected = Array.isArray(raw) ? raw.map(String) : raw !== undefined ? [String(raw)] : [];
      return h(
        'select',
        {
          class: 'select',
          multiple: multi,
          'data-action-id': actionId,
          'aria-label': placeholder,
          onChange: (e: Event) => {
            const target = e.currentTarget as unknown as {
              value: string;
              selectedOptions: ArrayLike<{ value: string }>;
            };
            const value = multi ? Array.from(target.selectedOptions, (o) => o.value) : target.value;
            change({ type, [key]: value }, { [key]: value });
          },
        },
        multi
          ? null
          : h('option', { value: '', disabled: true, selected: selected.length === 0 }, placeholder),
        ...choices.map((c) => h('option', { value: c.id, selected: selected.includes(c.id) }, c.label)),
      );
    }
    case 'datepicker':
    case 'timepicker': {
      const key = type === 'datepicker' ? 'selected_date' : 'selected_time';
      const initial = type === 'datepicker' ? el.initial_date : el.initial_time;
      return h('input', {
        type: type === 'datepicker' ? 'date' : 'time',
        class: 'picker',
        'data-action-id': actionId,
        value: str(current?.[key]) ?? str(initial) ?? '',
        onChange: (e: Event) => {
          const value = (e.currentTarget as unknown as { value: string }).value;
          change({ type, [key]: value }, { [key]: value });
        },
      });
    }
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const value = str(current?.value) ?? str(el.initial_value) ?? '';
      const attrs = {
        class: 'text-input',
        'data-action-id': actionId,
        name: `${blockId}.${actionId}`,
        value,
        placeholder: textString(el.placeholder),
        onInput: (e: Event) => {
          const next = (e.currentTarget as unknown as { value: string }).value;
          ctx.setValue(blockId, actionId, { type, value: next });
        },
        onChange: (e: Event) => {
          const next = (e.currentTarget as unknown as { value: string }).value;
          if (place.dispatch) fire(el, { action_id: actionId, block_id: blockId, type, value: next }, ctx);
        },
      };
      if (el.multiline === true) return h('textarea', { ...attrs, rows: 3 });
      return h('input', {
        ...attrs,
        type: type === 'number_input' ? 'number' : 'text',
        step: el.is_decimal_allowed ? 'any' : '1',
      });
    }
    case 'image':
      return h('img', { class: 'accessory-image', src: str(el.image_url), alt: str(el.alt_text) ?? '' });
    default:
      return h('span', { class: 'unknown' }, `[${type}]`);
  }
}

/** Asks first when the element has a confirm dialog, as Slack does. */
function fire(el: Json, action: Json, ctx: BlockContext): void {
  const dialog = obj(el.confirm);
  if (!dialog) {
    ctx.act(action);
    return;
  }
  void ctx.confirm(dialog).then((yes) => {
    if (yes) ctx.act(action);
  });
}

function externalSelect(
  el: Json,
  blockId: string,
  actionId: string,
  ctx: BlockContext,
  change: (value: StateValue, action: Json) => void,
  current: StateValue | undefined,
): VNode {
  const chosen = obj(current?.selected_option) ?? obj(el.initial_option);
  const options = ctx.suggestions?.[`${blockId}.${actionId}`] ?? [];
  return h(
    'div',
    { class: 'external-select', 'data-action-id': actionId },
    chosen ? h('div', { class: 'chosen' }, optionLabel(chosen)) : null,
    h('input', {
      type: 'search',
      class: 'text-input',
      placeholder: ctx.t.typeToSearch,
      onInput: (e: Event) => {
        const query = (e.currentTarget as unknown as { value: string }).value;
        const min = typeof el.min_query_length === 'number' ? el.min_query_length : 3;
        if (query.length >= min) ctx.suggest?.(blockId, actionId, query);
      },
    }),
    options.length > 0
      ? h(
          'ul',
          { class: 'suggestions', role: 'listbox' },
          ...options.map((o) =>
            h(
              'li',
              {
                role: 'option',
                onClick: () =>
                  change({ type: 'external_select', selected_option: o }, { selected_option: o }),
              },
              optionLabel(o),
            ),
          ),
        )
      : null,
  );
}

/** Attachments (legacy) are shown as their text with a colour bar. */
export function renderAttachments(attachments: unknown, ctx: BlockContext): VNode | null {
  const items = list(attachments);
  if (items.length === 0) return null;
  return h(
    Fragment,
    null,
    ...items.map((a) =>
      h(
        'div',
        { class: 'attachment', style: { borderColor: str(a.color) ?? '#ddd' } },
        a.blocks ? renderBlocks(a.blocks, ctx) : a.text ? mrkdwn(str(a.text) ?? '', ctx) : null,
      ),
    ),
  );
}
