/** Views: the App Home tab and the open modal, each keeping what the person typed as Slack's view state. */
import { useContext, useState } from 'preact/hooks';
import type { PageView } from '../page/types.js';
import { type BlockContext, type Json, renderBlocks, text } from './blocks.js';
import { Page, type PageContext } from './context.js';

type Values = Record<string, Record<string, Json>>;

function useViewContext(view: PageView, surface: 'modal' | 'home', errors: Record<string, string>) {
  const page = useContext(Page) as PageContext;
  const [values, setValues] = useState<Values>({});
  const [suggestions, setSuggestions] = useState<Record<string, Json[]>>({});
  const ctx: BlockContext = {
    ...page.mrkdwn,
    surface,
    users: page.state.users.filter((u) => !u.isBot),
    channels: page.state.channels.filter((c) => !c.isDm),
    act: (action) => void page.act({ kind: 'action', view: view.id, action, state: values }),
    value: (block, action) => values[block]?.[action],
    setValue: (block, action, value) =>
      setValues((old) => ({ ...old, [block]: { ...old[block], [action]: value } })),
    errors,
    suggestions,
    suggest: (block, action, query) => {
      void page.act({ kind: 'suggestion', view: view.id, action_id: action, value: query }).then((res) => {
        const options = Array.isArray(res?.options) ? (res.options as Json[]) : [];
        setSuggestions((old) => ({ ...old, [`${block}.${action}`]: options }));
      });
    },
    confirm: page.confirm,
    t: page.t,
  };
  return { page, ctx, values };
}

export function HomeTab({ view }: { view: PageView }) {
  const { ctx } = useViewContext(view, 'home', {});
  return (
    <div class="home-view" data-testid="home">
      {renderBlocks(view.blocks, ctx)}
    </div>
  );
}

export function ModalDialog({ view }: { view: PageView }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { page, ctx, values } = useViewContext(view, 'modal', errors);
  const submit = async () => {
    const res = await page.act({ kind: 'submit', view: view.id, values });
    setErrors((res?.errors as Record<string, string> | undefined) ?? {});
  };
  return (
    <div class="modal-backdrop">
      <dialog
        open
        class="modal"
        aria-labelledby="modal-title"
        data-testid="modal"
        data-callback-id={view.callback_id}
      >
        <header>
          <h2 id="modal-title">{text(view.title, page.mrkdwn)}</h2>
          <button
            type="button"
            class="modal-x"
            aria-label={page.t.cancel}
            onClick={() => void page.act({ kind: 'close', view: view.id })}
          >
            ×
          </button>
        </header>
        <form
          class="modal-body"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {renderBlocks(view.blocks, ctx)}
          <footer>
            <button type="button" class="btn" onClick={() => void page.act({ kind: 'close', view: view.id })}>
              {view.close ? text(view.close, page.mrkdwn) : page.t.cancel}
            </button>
            {view.submit ? (
              <button type="submit" class="btn btn-primary" data-testid="modal-submit">
                {text(view.submit, page.mrkdwn)}
              </button>
            ) : null}
          </footer>
        </form>
      </dialog>
    </div>
  );
}
