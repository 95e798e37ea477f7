/**
 * How many calendar days apart two instants are, in the reader's time zone. "1 day earlier" under a page dated
 * the same day (12.5 hours apart, rounded up) contradicted the dates shown beside it, which are calendar dates
 * in that zone; counting calendar days also survives the 23- and 25-hour days of a daylight-saving change.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Days since 1970-01-01 of the calendar date `instant` falls on in `timeZone` (the reader's when undefined). */
export function localDayNumber(instant: Date, timeZone?: string): number {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', calendar: 'gregory', numberingSystem: 'latn' });
    dayFormats.set(key, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  // formatToParts gives the era-less year (a positive number) for years after 1 BCE, all an archive holds.
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / 86_400_000);
}

/** Calendar days from `reference` to `instant` in `timeZone`: 0 on the same date, negative when earlier. */
export function calendarDaysApart(instant: Date, reference: Date, timeZone?: string): number {
  return localDayNumber(instant, timeZone) - localDayNumber(reference, timeZone);
}
