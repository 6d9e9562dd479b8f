import { randomBytes } from 'node:crypto';
import type { SlackObject } from './types.js';

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
export const bool = (v: unknown) => v === true || v === 'true' || v === '1' || v === 1;
export const isObject = (v: unknown): v is SlackObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const tsMicros = (ts: string) => Math.round(Number(ts) * 1e6);

export function tzInfo(tz: string, at: Date): { offset: number; label: string } {
  const part = (style: 'longOffset' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { offset, label: part('long') };
}
