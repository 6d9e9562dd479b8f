/**
 * The sandbox page: Slack's layout (channels and DMs on the left, the conversation in the middle, a
 * thread on the right), acting as whichever person is picked, live through the long-poll.
 */
import { type ComponentChildren, render } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COMMANDS, type PageMessage, type PageState } from '../page/types.js';
import { ApiError, type Json, loadState, act as postAct, waitForUpdate } from './api.js';
import { text } from './blocks.js';
import { Page, type PageContext } from './context.js';
import { langOf, type PageLang, pageText } from './i18n.js';
import { Message } from './message.js';
import { ScenarioPanel } from './scenarios.js';
import { HomeTab, ModalDialog } from './views.js';

type Place = { kind: 'channel'; id: string } | { kind: 'home' };

const params = new URLSearchParams(location.search);
const isTop = (m: PageMessage) => m.thread_ts === undefined || m.thread_ts === m.ts;

function App() {
  const [as, setAs] = useState(params.get('as') ?? localStorage.getItem('baton-sandbox-as') ?? 'U0SBADMIN');
  const [langChoice, setLangChoice] = useState<PageLang | 'auto'>(
    (params.get('lang') as PageLang | null) ??
      ((localStorage.getItem('baton-sandbox-lang') as PageLang | null) || 'auto'),
  );
  const [state, setState] = useState<PageState | null>(null);
  const [offline, setOffline] = useState(false);
  const [place, setPlace] = useState<Place>({ kind: 'channel', id: params.get('channel') ?? '' });
  const [thread, setThread] = useState<{ channel: string; ts: string } | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const [json, setJson] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ dialog: Json; resolve(yes: boolean): void } | null>(null);

  // The state, then a long-poll for each change: the page follows Baton live.
  useEffect(() => {
    let stopped = false;
    const abort = new AbortController();
    void (async () => {
      let version = -1;
      while (!stopped) {
        try {
          const next = await loadState(as);
          if (stopped) return;
          setState(next);
          setOffline(false);
          version = next.version;
          let seen = version;
          while (seen === version && !stopped) seen = (await waitForUpdate(version, abort.signal)).version;
        } catch {
          if (stopped) return;
          setOffline(true);
          await new Promise((resolve) => setTimeout(resolve, 1000)); // back off while the sandbox restarts
        }
      }
    })();
    localStorage.setItem('baton-sandbox-as', as);
    return () => {
      stopped = true;
      abort.abort();
    };
  }, [as]);

  // A notice goes away on its own after a while, as Slack's do.
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  const me = state?.users.find((u) => u.id === as);
  const lang: PageLang = langChoice === 'auto' ? langOf(me?.locale) : langChoice;
  const t = pageText(lang);

  // `--dev`: Baton restarted on a save and the long-poll already brought the new state; say so.
  const baton = state?.baton;
  const seenGeneration = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!baton?.dev || baton.state !== 'ready') return;
    if (seenGeneration.current !== undefined && baton.generation > seenGeneration.current)
      setToast(t.batonRestarted(baton.cause));
    seenGeneration.current = baton.generation;
  }, [baton, t]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.title;
  }, [lang, t]);

  const act = useCallback(
    async (body: Json) => {
      try {
        const res = await postAct({ as, ...body });
        if (res.status >= 400) setToast(t.failed(`Baton answered ${res.status}`));
        return res as unknown as Json;
      } catch (error) {
        setToast(t.failed(error instanceof ApiError ? error.message : String(error)));
        return undefined;
      }
    },
    [as, t],
  );

  const page: PageContext | null = useMemo(() => {
    if (!state) return null;
    return {
      state,
      t,
      lang,
      mrkdwn: {
        userName: (id) => state.users.find((u) => u.id === id)?.realName,
        channelName: (id) => state.channels.find((c) => c.id === id)?.name,
        timeZone: me?.tz ?? 'UTC',
        locale: lang === 'ko' ? 'ko-KR' : 'en-US',
        now: new Date(),
      },
      act,
      openThread: (channel, ts) => setThread({ channel, ts }),
      showJson: (value) => {
        const body = JSON.stringify(value, null, 2);
        setJson(body);
        void navigator.clipboard?.writeText(body).catch(() => {});
      },
      confirm: (dialog) => new Promise<boolean>((resolve) => setAsking({ dialog, resolve })),
    };
  }, [state, t, lang, me, act]);

  if (!state || !page) return <div class="loading">{offline ? t.reconnecting : '…'}</div>;

  const channels = state.channels.filter((c) => !c.isDm);
  const dm = state.channels.find((c) => c.isDm);
  const current =
    place.kind === 'channel'
      ? (state.channels.find((c) => c.id === place.id || c.name === place.id) ?? channels[0])
      : undefined;
  const modal = state.modals.at(-1);
  const people = state.users.filter((u) => !u.isBot);

  return (
    <Page.Provider value={page}>
      <div class="app">
        <nav class="sidebar">
          <h1>{state.team.name}</h1>
          <SidebarSelect
            label={t.actAs}
            testId="act-as"
            value={as}
            onPick={(id) => {
              setAs(id);
              setThread(null);
            }}
          >
            {people.map((u) => (
              <option value={u.id} key={u.id}>
                {u.realName}
                {u.role ? ` — ${t.roles[u.role]}` : ''}
              </option>
            ))}
          </SidebarSelect>
          <SidebarSelect
            label={t.language}
            testId="lang"
            value={langChoice}
            onPick={(v) => {
              setLangChoice(v as PageLang | 'auto');
              localStorage.setItem('baton-sandbox-lang', v === 'auto' ? '' : v);
            }}
          >
            <option value="auto">Auto ({langOf(me?.locale) === 'ko' ? '한국어' : 'English'})</option>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </SidebarSelect>
          <h2>{t.channels}</h2>
          {channels.map((c) => (
            <button
              type="button"
              key={c.id}
              data-channel={c.name}
              class={current?.id === c.id ? 'active' : ''}
              onClick={() => {
                setPlace({ kind: 'channel', id: c.id });
                setThread(null);
              }}
            >
              # {c.name}
            </button>
          ))}
          <h2>{t.directMessages}</h2>
          {dm ? (
            <button
              type="button"
              data-channel="dm"
              class={current?.id === dm.id ? 'active' : ''}
              onClick={() => {
                setPlace({ kind: 'channel', id: dm.id });
                setThread(null);
              }}
            >
              Baton <span class="app-badge">{t.appBadge}</span>
            </button>
          ) : null}
          <h2>{t.apps}</h2>
          <button
            type="button"
            data-channel="home"
            class={place.kind === 'home' ? 'active' : ''}
            onClick={() => {
              setPlace({ kind: 'home' });
              void act({ kind: 'open_home' });
            }}
          >
            Baton · {t.appHome}
          </button>
        </nav>
        <main class="main">
          {place.kind === 'home' ? (
            <>
              <header class="main-header">
                <h2>Baton · {t.appHome}</h2>
              </header>
              <div class="scroll">
                {state.home ? (
                  <HomeTab view={state.home} key={state.home.id} />
                ) : (
                  <p class="empty">
                    {t.homeNotPublished}{' '}
                    <button type="button" class="btn" onClick={() => void act({ kind: 'open_home' })}>
                      {t.openHome}
                    </button>
                  </p>
                )}
              </div>
            </>
          ) : current ? (
            <Conversation
              channel={current.id}
              name={current.isDm ? 'Baton' : `# ${current.name}`}
              messages={current.messages}
              onToast={setToast}
            />
          ) : null}
        </main>
        {thread ? <ThreadPane channel={thread.channel} ts={thread.ts} close={() => setThread(null)} /> : null}
        <ScenarioPanel notify={setToast} version={state.version} />
        {modal ? <ModalDialog view={modal} key={modal.id} /> : null}
        {asking ? (
          <div class="modal-backdrop">
            <dialog open class="modal confirm" data-testid="confirm">
              <h2>{text(asking.dialog.title, page.mrkdwn) ?? t.confirmTitle}</h2>
              <div>{text(asking.dialog.text, page.mrkdwn)}</div>
              <footer>
                <button
                  type="button"
                  class="btn"
                  onClick={() => {
                    asking.resolve(false);
                    setAsking(null);
                  }}
                >
                  {text(asking.dialog.deny, page.mrkdwn) ?? t.cancel}
                </button>
                <button
                  type="button"
                  class={`btn btn-${asking.dialog.style === 'danger' ? 'danger' : 'primary'}`}
                  data-testid="confirm-yes"
                  onClick={() => {
                    asking.resolve(true);
                    setAsking(null);
                  }}
                >
                  {text(asking.dialog.confirm, page.mrkdwn) ?? t.confirmYes}
                </button>
              </footer>
            </dialog>
          </div>
        ) : null}
        {json !== null ? (
          <div class="modal-backdrop">
            <dialog open class="modal json" data-testid="json">
              <h2>{t.copied}</h2>
              <textarea readOnly rows={16} value={json} />
              <footer>
                <button type="button" class="btn" onClick={() => setJson(null)}>
                  ×
                </button>
              </footer>
            </dialog>
          </div>
        ) : null}
        {baton?.dev && baton.state !== 'ready' ? (
          <div class="dev-banner" role="alert" data-testid="baton-status">
            {baton.state === 'starting' ? t.batonRestarting : t.batonFailed}
            {baton.state === 'failed' && baton.error ? <pre>{baton.error}</pre> : null}
          </div>
        ) : null}
        {toast ? (
          <button type="button" class="toast" aria-live="polite" onClick={() => setToast(null)}>
            {toast}
          </button>
        ) : null}
      </div>
    </Page.Provider>
  );
}

function SidebarSelect(props: {
  label: string;
  testId: string;
  value: string;
  onPick(value: string): void;
  children: ComponentChildren;
}) {
  return (
    <label>
      {props.label}
      <select
        data-testid={props.testId}
        value={props.value}
        onChange={(e) => props.onPick(e.currentTarget.value)}
      >
        {props.children}
      </select>
    </label>
  );
}

function Composer({
  channel,
  threadTs,
  placeholder,
  onToast,
}: {
  channel: string;
  threadTs?: string;
  placeholder: string;
  onToast(text: string): void;
}) {
  const [value, setValue] = useState('');
  const send = async (page: PageContext) => {
    const body = value.trim();
    if (!body) return;
    const command = body.match(/^(\/\w+)\s*([\s\S]*)$/);
    if (command && !threadTs) {
      if (!(COMMANDS as readonly string[]).includes(command[1]!))
        return onToast(page.t.failed(`${command[1]} ?`));
      setValue('');
      await page.act({ kind: 'command', command: command[1], text: command[2], channel });
      return;
    }
    setValue('');
    await page.act({ kind: 'message', channel, text: body, ...(threadTs ? { thread_ts: threadTs } : {}) });
  };
  return (
    <Page.Consumer>
      {(page) => (
        <form
          class="composer"
          onSubmit={(e) => {
            e.preventDefault();
            void send(page as PageContext);
          }}
        >
          <input
            data-testid={threadTs ? 'reply-box' : 'composer'}
            value={value}
            placeholder={placeholder}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
          <button type="submit" class="btn btn-primary">
            {(page as PageContext).t.send}
          </button>
        </form>
      )}
    </Page.Consumer>
  );
}

function Conversation({
  channel,
  name,
  messages,
  onToast,
}: {
  channel: string;
  name: string;
  messages: PageMessage[];
  onToast(text: string): void;
}) {
  return (
    <Page.Consumer>
      {(ctx) => {
        const page = ctx as PageContext;
        const ephemerals = page.state.ephemerals.filter(
          (e) => e.channel === channel && e.message.thread_ts === undefined,
        );
        const items = [
          ...messages.filter(isTop).map((m) => ({ m, ephemeral: false })),
          ...ephemerals.map((e) => ({ m: e.message, ephemeral: true })),
        ].sort((a, b) => Number(a.m.ts) - Number(b.m.ts));
        const isDm = channel.startsWith('D');
        return (
          <>
            <header class="main-header">
              <h2 data-testid="channel-title">{name}</h2>
            </header>
            <div class="scroll" data-testid="conversation">
              {items.length === 0 ? <p class="empty">{page.t.emptyChannel}</p> : null}
              {items.map(({ m, ephemeral }) => (
                <Message
                  key={`${ephemeral ? 'e' : 'm'}${m.ts}`}
                  channel={channel}
                  message={m}
                  ephemeral={ephemeral}
                />
              ))}
            </div>
            <Composer
              channel={channel}
              placeholder={isDm ? page.t.composerDm : page.t.composer(name.replace(/^# /, ''))}
              onToast={onToast}
            />
          </>
        );
      }}
    </Page.Consumer>
  );
}

function ThreadPane({ channel, ts, close }: { channel: string; ts: string; close(): void }) {
  return (
    <Page.Consumer>
      {(ctx) => {
        const page = ctx as PageContext;
        const all = page.state.channels.find((c) => c.id === channel)?.messages ?? [];
        const thread = all.filter((m) => m.ts === ts || m.thread_ts === ts);
        const ephemerals = page.state.ephemerals.filter(
          (e) => e.channel === channel && e.message.thread_ts === ts,
        );
        const items = [
          ...thread.map((m) => ({ m, ephemeral: false })),
          ...ephemerals.map((e) => ({ m: e.message, ephemeral: true })),
        ].sort((a, b) => Number(a.m.ts) - Number(b.m.ts));
        return (
          <section class="thread-pane" data-testid="thread">
            <header class="main-header">
              <h2>{page.t.thread}</h2>
              <button type="button" class="modal-x" aria-label={page.t.closeThread} onClick={close}>
                ×
              </button>
            </header>
            <div class="scroll">
              {items.map(({ m, ephemeral }) => (
                <Message
                  key={`${ephemeral ? 'e' : 'm'}${m.ts}`}
                  channel={channel}
                  message={m}
                  ephemeral={ephemeral}
                  inThread
                />
              ))}
            </div>
            <Composer
              channel={channel}
              threadTs={ts}
              placeholder={page.t.replyPlaceholder}
              onToast={() => {}}
            />
          </section>
        );
      }}
    </Page.Consumer>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
