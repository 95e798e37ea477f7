import { describe, expect, it } from 'vitest';
import { coverageSpan } from './build';
import { NO_DATE, toHours } from './format';

describe('coverageSpan', () => {
  it('holds 99 % of the dated articles: a few stray old ones do not stretch it', () => {
    // 1,000 articles from Feb to Oct 2018, 3 from 2012 and one undated.
    const hours = Array.from({ length: 1000 }, (_, i) => toHours('2018-02-01T00:00:00Z') + Math.floor((i * 24 * 250) / 1000));
    hours.push(toHours('2012-10-11T04:04:00Z'), toHours('2013-03-05T00:00:00Z'), toHours('2014-01-01T00:00:00Z'), NO_DATE);
    const [from, to] = coverageSpan(hours)!;
    expect(from.slice(0, 7)).toBe('2018-02');
    expect(to.slice(0, 7)).toBe('2018-10');
    expect(new Date(from).getTime()).toBeLessThan(new Date(to).getTime());
  });

  it('is the one date of a one-article archive, and null with no date at all', () => {
    const one = toHours('2018-05-15T09:00:00Z');
    expect(coverageSpan([one])).toEqual(['2018-05-15T09:00:00.000Z', '2018-05-15T09:00:00.000Z']);
    expect(coverageSpan([NO_DATE, NO_DATE])).toBeNull();
    expect(coverageSpan([])).toBeNull();
  });
});
