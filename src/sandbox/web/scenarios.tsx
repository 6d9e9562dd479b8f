/** The scenario panel: send a lead, canned leads, move Baton's clock, start over. Hidden parts when the sandbox has no scenarios. */
import { useContext, useEffect, useState } from 'preact/hooks';
import { type ScenarioInfo, scenarios } from './api.js';
import { Page, type PageContext } from './context.js';

export function ScenarioPanel({ notify, version }: { notify(text: string): void; version: number }) {
  const page = useContext(Page) as PageContext;
  const t = page.t.scenarios;
  const [info, setInfo] = useState<ScenarioInfo | null | 'missing'>(null);
  const [lead, setLead] = useState({
    name: '',
    email: '',
    company: '',
    company_size: '25',
    form: 'demo_request',
    source: 'website',
    message: '',
  });

  useEffect(() => {
    scenarios.info().then(setInfo, () => setInfo('missing'));
  }, [version]);

  const run = (work: Promise<unknown>, done?: (value: unknown) => void) =>
    work.then(
      (value) => done?.(value),
      (error: unknown) => notify(page.t.failed(error instanceof Error ? error.message : String(error))),
    );

  if (info === 'missing')
    return (
      <aside class="scenarios">
        <h2>{t.title}</h2>
        <p>{t.unavailable}</p>
      </aside>
    );
  const field = (key: keyof typeof lead, label: string) => (
    <label>
      {label}
      <input
        name={key}
        value={lead[key]}
        onInput={(e) => setLead({ ...lead, [key]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <aside class="scenarios" data-testid="scenarios">
      <h2>{t.title}</h2>
      <section>
        <h3>{t.sendLead}</h3>
        <form
          class="lead-form"
          onSubmit={(e) => {
            e.preventDefault();
            // Sent as a web form would: the size as a number, empty fields left out.
            const body = Object.fromEntries(
              Object.entries({ ...lead, company_size: Number(lead.company_size) || undefined }).filter(
                ([, v]) => v !== '' && v !== undefined,
              ),
            );
            run(scenarios.lead(body), (res) => notify(t.sent((res as { status: number }).status)));
          }}
        >
          {field('name', t.name)}
          {field('email', t.email)}
          {field('company', t.company)}
          {field('company_size', t.companySize)}
          <label>
            {t.form}
            <select
              name="form"
              value={lead.form}
              onChange={(e) => setLead({ ...lead, form: e.currentTarget.value })}
            >
              {(['demo_request', 'trial', 'contact'] as const).map((f) => (
                <option value={f} key={f}>
                  {t.forms[f]}
                </option>
              ))}
            </select>
          </label>
          {field('source', t.source)}
          {field('message', t.message)}
          <button type="submit" class="btn btn-primary">
            {t.send}
          </button>
        </form>
        {info && info.canned.length > 0 ? (
          <>
            <h3>{t.canned}</h3>
            {info.canned.map((c) => (
              <button
                type="button"
                class="btn"
                key={c.id}
                data-canned={c.id}
                onClick={() =>
                  run(scenarios.lead({ canned: c.id }), (res) =>
                    notify(t.sent((res as { status: number }).status)),
                  )
                }
              >
                {c.label}
              </button>
            ))}
          </>
        ) : null}
      </section>
      <section>
        <h3>{t.clock}</h3>
        {info ? (
          <p data-testid="clock">
            {t.now(
              new Date(info.clock.now).toLocaleString(page.lang === 'ko' ? 'ko-KR' : 'en-US', {
                timeZone: page.mrkdwn.timeZone,
              }),
            )}
          </p>
        ) : null}
        {(
          [
            ['15m', t.plus15m],
            ['1h', t.plus1h],
            ['next-morning', t.nextMorning],
            ['next-monday', t.nextMonday],
          ] as const
        ).map(([advance, label]) => (
          <button
            type="button"
            class="btn"
            key={advance}
            data-advance={advance}
            onClick={() => run(scenarios.clock(advance), () => scenarios.info().then(setInfo))}
          >
            {label}
          </button>
        ))}
      </section>
      <section>
        <h3>{t.reset}</h3>
        <button
          type="button"
          class="btn"
          data-reset="empty"
          onClick={() => run(scenarios.reset('empty', page.lang), () => notify(t.resetDone))}
        >
          {t.empty}
        </button>
        <button
          type="button"
          class="btn"
          data-reset="demo-en"
          onClick={() => run(scenarios.reset('demo', 'en'), () => notify(t.resetDone))}
        >
          {t.demoEn}
        </button>
        <button
          type="button"
          class="btn"
          data-reset="demo-ko"
          onClick={() => run(scenarios.reset('demo', 'ko'), () => notify(t.resetDone))}
        >
          {t.demoKo}
        </button>
      </section>
    </aside>
  );
}
