import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDaysApart, localDayNumber } from './calendar-days';

const d = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const ZONES = ['UTC', 'Asia/Riyadh', 'Africa/Cairo', 'Europe/London', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

describe('calendarDaysApart', () => {
  it('counts the page of the report: 12.5 hours apart on the same date is the same day', () => {
    expect(calendarDaysApart(d('2018-10-10T20:30:00+03:00'), d('2018-10-10T08:00:00+03:00'), 'Asia/Riyadh')).toBe(0);
    expect(calendarDaysApart(d('2018-10-10T08:00:00+03:00'), d('2018-10-10T20:30:00+03:00'), 'Asia/Riyadh')).toBe(0);
  });

  it('turns at the reader’s midnight, not at UTC’s', () => {
    // 23:30 and 00:30 in Riyadh: one hour apart, one day apart.
    expect(calendarDaysApart(d('2018-10-09T23:30:00+03:00'), d('2018-10-10T00:30:00+03:00'), 'Asia/Riyadh')).toBe(-1);
    // The same two instants are one date in UTC (20:30 and 21:30 on Oct 9).
    expect(calendarDaysApart(d('2018-10-09T23:30:00+03:00'), d('2018-10-10T00:30:00+03:00'), 'UTC')).toBe(0);
    expect(calendarDaysApart(d('2018-10-10T23:59:59+03:00'), d('2018-10-10T00:00:00+03:00'), 'Asia/Riyadh')).toBe(0);
    expect(calendarDaysApart(d('2018-10-11T00:00:00+03:00'), d('2018-10-10T23:59:59+03:00'), 'Asia/Riyadh')).toBe(1);
  });

  it('survives daylight-saving days of 23 and 25 hours', () => {
    // London fell back on 2018-10-28: 00:10 to 23:50 that day is 24 h 40 min, and still the same date.
    expect(calendarDaysApart(d('2018-10-28T23:50:00Z'), d('2018-10-28T00:10:00+01:00'), 'Europe/London')).toBe(0);
    // It sprang forward on 2018-03-25: 00:30 to 00:30 the next day is 23 hours, and one date later.
    expect(calendarDaysApart(d('2018-03-26T00:30:00+01:00'), d('2018-03-25T00:30:00Z'), 'Europe/London')).toBe(1);
    // New York, 2018-11-04 (25 hours): 00:30 to 23:30 the same date.
    expect(calendarDaysApart(d('2018-11-04T23:30:00-05:00'), d('2018-11-04T00:30:00-04:00'), 'America/New_York')).toBe(0);
  });

  it('is antisymmetric, 0 for an instant and itself, and within a day of the elapsed time', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t));
    fc.assert(
      fc.property(instant, instant, fc.constantFrom(...ZONES), (a, b, zone) => {
        const days = calendarDaysApart(a, b, zone);
        expect(calendarDaysApart(b, a, zone) + days).toBe(0);
        expect(calendarDaysApart(a, a, zone)).toBe(0);
        // Local dates differ from elapsed days by less than a day, plus the zone's offset change (≤ 1 h here).
        expect(Math.abs(days - (a.getTime() - b.getTime()) / DAY)).toBeLessThan(1 + 1 / 24 + 1e-9);
      }),
    );
  });

  it('adds exactly one per 24 hours in a zone without daylight saving, whatever the hour', () => {
    const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t));
    fc.assert(
      fc.property(instant, fc.integer({ min: -400, max: 400 }), fc.constantFrom('UTC', 'Asia/Riyadh', 'Asia/Kathmandu'), (a, n, zone) => {
        expect(calendarDaysApart(new Date(a.getTime() + n * DAY), a, zone)).toBe(n);
      }),
    );
  });

  it('numbers days from the epoch in the zone', () => {
    expect(localDayNumber(d('1970-01-01T12:00:00Z'), 'UTC')).toBe(0);
    expect(localDayNumber(d('1970-01-01T23:00:00Z'), 'Asia/Riyadh')).toBe(1);
  });
});
