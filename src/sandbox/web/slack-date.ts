/**
 * `<!date^seconds^format|fallback>` as Slack shows it to a reader: the tokens in Slack's docs
 * ({date_num}, {date}, {date_short}, {date_long}, the `_pretty` forms, {time}, {time_secs}, {ago}) in
 * the reader's time zone. English follows Slack's own spelling ("February 18th, 2014"); other locales
 * use Intl's.
 */
export interface DateContext {
  timeZone: string;
  locale: string;
  now: Date;
}

type Parts = { year: number; month: number; day: number };

function ymd(date: Date, timeZone: string): Parts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

const english = (locale: string) => locale.toLowerCase().startsWith('en');

function dateText(date: Date, style: 'date' | 'short' | 'long', ctx: DateContext): string {
  const { timeZone, locale } = ctx;
  if (english(locale) && style !== 'short') {
    const month = new Intl.DateTimeFormat('en-US', { timeZone, month: 'long' }).format(date);
    const { year, day } = ymd(date, timeZone);
    const plain = `${month} ${ordinal(day)}, ${year}`;
    if (style === 'date') return plain;
    return `${new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(date)}, ${plain}`;
  }
  const options: Intl.DateTimeFormatOptions =
    style === 'short'
      ? { timeZone, year: 'numeric', month: 'short', day: 'numeric' }
      : style === 'long'
        ? { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }
        : { timeZone, year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(english(locale) ? 'en-US' : locale, options).format(date);
}

/** "today", "yesterday", "tomorrow" in the reader's language, else the date in the given style. */
function pretty(date: Date, style: 'date' | 'short' | 'long', ctx: DateContext): string {
  const a = ymd(date, ctx.timeZone);
  const b = ymd(ctx.now, ctx.timeZone);
  const days = Math.round(
    (Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000,
  );
  if (Math.abs(days) <= 1)
    return new Intl.RelativeTimeFormat(ctx.locale, { numeric: 'auto' }).format(days, 'day');
  return dateText(date, style, ctx);
}

function ago(date: Date, ctx: DateContext): string {
  const seconds = Math.round((date.getTime() - ctx.now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(ctx.locale, { numeric: 'auto' });
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(0, 'second');
}

/** English on a 12-hour clock as Slack shows it; other readers on 24 hours (ICU builds disagree on Korean's 오전/오후). */
function time(date: Date, seconds: boolean, ctx: DateContext): string {
  const en = english(ctx.locale);
  return new Intl.DateTimeFormat(en ? 'en-US' : ctx.locale, {
    timeZone: ctx.timeZone,
    hour: en ? 'numeric' : '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    ...(en ? {} : { hourCycle: 'h23' as const }),
  }).format(date);
}

export function formatSlackDate(date: Date, format: string, ctx: DateContext): string {
  return format.replace(/\{(\w+)\}/g, (token, name: string) => {
    switch (name) {
      case 'date_num': {
        const { year, month, day } = ymd(date, ctx.timeZone);
        return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      }
      case 'date':
        return dateText(date, 'date', ctx);
      case 'date_short':
        return dateText(date, 'short', ctx);
      case 'date_long':
        return dateText(date, 'long', ctx);
      case 'date_pretty':
        return pretty(date, 'date', ctx);
      case 'date_short_pretty':
        return pretty(date, 'short', ctx);
      case 'date_long_pretty':
        return pretty(date, 'long', ctx);
      case 'time':
        return time(date, false, ctx);
      case 'time_secs':
        return time(date, true, ctx);
      case 'ago':
        return ago(date, ctx);
      default:
        return token;
    }
  });
}
