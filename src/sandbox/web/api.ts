/** The page's calls to the sandbox: its own API and the scenarios (which may not be there). */
import type { ActResult, PageState } from '../page/types.js';

export type Json = Record<string, unknown>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => ({}))) as Json;
  if (!res.ok)
    throw new ApiError(
      res.status,
      typeof body.field === 'string' ? body.field : undefined,
      String(body.message ?? body.error ?? res.statusText),
    );
  return body as T;
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const loadState = (as: string) => call<PageState>(`/sandbox/api/state?as=${encodeURIComponent(as)}`);

/** Resolves with the new version once it differs from `since` (or the server's long-poll timeout). */
export const waitForUpdate = (since: number, signal: AbortSignal) =>
  call<{ version: number }>(`/sandbox/api/updates?since=${since}`, { signal });

export const act = (body: Json) => call<ActResult & { ok: boolean }>('/sandbox/api/act', post(body));

export interface ScenarioInfo {
  clock: { now: string; offsetMs: number };
  canned: { id: string; label: string }[];
  workspace: { lang: 'en' | 'ko'; demo: boolean };
}

export const scenarios = {
  info: () => call<ScenarioInfo>('/sandbox/api/scenarios'),
  lead: (body: Json) => call<{ status: number; body: unknown }>('/sandbox/api/scenarios/lead', post(body)),
  clock: (advance: string) =>
    call<{ now: string; offsetMs: number }>('/sandbox/api/scenarios/clock', post({ advance })),
  reset: (mode: 'empty' | 'demo', lang: 'en' | 'ko') =>
    fetch('/sandbox/api/scenarios/reset', post({ mode, lang })).then((res) => {
      if (!res.ok) throw new ApiError(res.status, undefined, res.statusText);
    }),
};
