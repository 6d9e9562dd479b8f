/**
 * The one formatter per kind of figure (docs/funnel.md, "Rounding"): every surface — `/funnel`,
 * App Home, the retro — shows percentages, days and amounts through these, so one number never
 * reads two ways.
 */
import type { Catalog } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/**
 * Half away from zero at `digits` decimals. Shares and medians arrive as binary floats
 * (29 / 200 × 100 is 14.4999…), so they are first cut to 12 significant digits: the figure a
 * person works out by hand is the one that gets rounded.
 */
export function roundHalfAway(value: number, digits = 0): number {
  const scaled = Number((value * 10 ** digits).toPrecision(12));
  return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / 10 ** digits;
}

/** A share as a whole percent (0.145 → 15). */
export const wholePercent = (share: number): number => roundHalfAway(share * 100) + 0;

/** `15%`. */
export const percent = (share: number) => `${wholePercent(share)}%`;

/** A count in the catalog's locale. */
export const count = (t: Catalog, n: number) => new Intl.NumberFormat(t.funnel.numberLocale).format(n);

/** Days to one decimal, always shown (`3.0`). */
export const oneDecimal = (t: Catalog, days: number) =>
  new Intl.NumberFormat(t.funnel.numberLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    roundHalfAway(days, 1),
  );

/**
 * An amount in its currency's own minor units (USD cents, KRW whole won), half away from zero,
 * never converted. Amounts are stored to the cent, so no float noise needs cutting.
 */
export function money(t: Catalog, amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(t.funnel.numberLocale, { style: 'currency', currency }).format(amount);
  } catch {
    // Intl refuses malformed codes; show the code as stored.
    return `${escapeMrkdwn(currency)} ${new Intl.NumberFormat(t.funnel.numberLocale).format(amount)}`;
  }
}
