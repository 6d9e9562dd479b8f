/** IANA time zone names: the check, the schema field and the "did you mean" hint. */
import { z } from 'zod';

export function isIanaTimeZone(name: string): boolean {
  // Intl also accepts offsets such as "+09:00"; Baton wants zone names, which start with a letter.
  if (!/^[A-Za-z]/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The closest real zone name, so "Asia/Seol" points at "Asia/Seoul". */
function similarTimeZone(name: string): string {
  const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  let best = 'Asia/Seoul';
  let bestDistance = 5;
  for (const zone of zones) {
    const distance = editDistance(name.toLowerCase(), zone.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [zone, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export const timeZone = z.string().refine(isIanaTimeZone, {
  error: (iss) => {
    const value = String(iss.input);
    return `"${value}" is not an IANA time zone (e.g. ${similarTimeZone(value)})`;
  },
});
