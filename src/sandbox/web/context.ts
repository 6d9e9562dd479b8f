/** What every part of the page needs: the state, the reader's words, and how to act. */
import { createContext } from 'preact';
import type { PageState } from '../page/types.js';
import type { Json } from './api.js';
import type { PageText } from './i18n.js';
import type { MrkdwnContext } from './mrkdwn.js';

export interface PageContext {
  state: PageState;
  t: PageText;
  lang: 'en' | 'ko';
  mrkdwn: MrkdwnContext;
  /** POST /sandbox/api/act as the current person; errors are shown by the page. */
  act(body: Json): Promise<Json | undefined>;
  openThread(channel: string, ts: string): void;
  showJson(json: unknown): void;
  confirm(dialog: Json): Promise<boolean>;
}

export const Page = createContext<PageContext | null>(null);
