/**
 * How far a signed request's timestamp may be from our clock, in either direction, before it is
 * refused: the same window for Slack's requests and Baton's webhooks, against replays.
 */
export const MAX_SKEW_SECONDS = 5 * 60;

/** True when `stampSeconds` (Unix seconds) is within the window of `nowMs` (ms since the epoch). */
export const isWithinWindow = (stampSeconds: number, nowMs: number): boolean =>
  Math.abs(nowMs / 1000 - stampSeconds) <= MAX_SKEW_SECONDS;
