/**
 * Which modals each person has open. The emulator keeps views but not who opened them: Slack ties a
 * modal to the trigger_id of the person's click or command, so the page remembers whose each trigger
 * was and reads Baton's views.open / views.push calls against that.
 */
import type { FakeSlack, RecordedCall } from '../slack-emulator/index.js';
import type { Json, PageView } from './types.js';

/** A stack entry: the emulator's view, or one Baton returned in a view_submission ack (update/push). */
interface Entry {
  id: string;
  view?: PageView;
}

// Enough to cover every call since the last look; the emulator keeps 1000.
const SCAN_DEPTH = 300;

export class ModalStacks {
  readonly #slack: FakeSlack;
  readonly #triggers = new Map<string, string>();
  readonly #matched = new WeakSet<RecordedCall>();
  readonly #stacks = new Map<string, Entry[]>();
  #seq = 0;

  constructor(slack: FakeSlack) {
    this.#slack = slack;
  }

  /** Remembers that `userId` produced this trigger (a command, click or shortcut). */
  trigger(triggerId: string | undefined, userId: string): void {
    if (triggerId) this.#triggers.set(triggerId, userId);
  }

  /** The person's open modals, bottom first. */
  stack(userId: string): PageView[] {
    this.#scan();
    return (this.#stacks.get(userId) ?? []).flatMap((entry) => {
      const view = entry.view ?? (this.#slack.view(entry.id) as PageView | undefined);
      return view ? [{ ...view, id: entry.id }] : [];
    });
  }

  top(userId: string): PageView | undefined {
    return this.stack(userId).at(-1);
  }

  /** What a view_submission's ack asked Slack to do with the person's stack. */
  afterSubmit(userId: string, viewId: string, ack: Json | undefined): void {
    const stack = this.#stacks.get(userId) ?? [];
    const at = stack.findIndex((e) => e.id === viewId);
    const action = ack?.response_action;
    const view = ack?.view as PageView | undefined;
    if (action === 'update' && view && at >= 0) stack[at] = { id: viewId, view: { ...view, id: viewId } };
    else if (action === 'push' && view) {
      const id = `VPAGE${++this.#seq}`;
      stack.push({ id, view: { ...view, id } });
    } else if (action === 'clear') stack.length = 0;
    else if (action !== 'errors' && at >= 0) stack.splice(at);
    this.#stacks.set(userId, stack);
  }

  /** The person closed the modal (its X or Cancel): it and any pushed above it go. */
  close(userId: string, viewId: string): void {
    const stack = this.#stacks.get(userId) ?? [];
    const at = stack.findIndex((e) => e.id === viewId);
    if (at >= 0) stack.splice(at);
  }

  /** Forgets every open modal (the workspace was reset). */
  clear(): void {
    this.#stacks.clear();
    this.#triggers.clear();
  }

  #scan(): void {
    const calls = this.#slack.calls.slice(-SCAN_DEPTH);
    for (const call of calls) {
      if (this.#matched.has(call) || !call.response.ok) continue;
      if (call.method === 'views.update') this.#refresh(call);
      if (call.method !== 'views.open' && call.method !== 'views.push') continue;
      const user = this.#triggers.get(String(call.args.trigger_id));
      const id = (call.response.view as Json | undefined)?.id;
      // A trigger we have not been told about yet stays unmatched and is looked at again next time.
      if (!user || typeof id !== 'string') continue;
      this.#matched.add(call);
      const stack = call.method === 'views.open' ? [] : (this.#stacks.get(user) ?? []);
      stack.push({ id });
      this.#stacks.set(user, stack);
    }
  }

  /** Baton updated a view the page had from an ack: the emulator's copy is now the current one. */
  #refresh(call: RecordedCall): void {
    this.#matched.add(call);
    const id = (call.response.view as Json | undefined)?.id;
    for (const stack of this.#stacks.values())
      for (const entry of stack) if (entry.id === id) delete entry.view;
  }
}
