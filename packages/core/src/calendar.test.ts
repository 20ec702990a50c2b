import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, endOfLocalDay, isIsoDate, localDate, workingDaysBetween } from './calendar.js';

const holidays = new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']);

describe('calendar', () => {
  it('reads the local date in WIB, not UTC', () => {
    expect(localDate(new Date('2026-11-29T18:30:00Z'), 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDate(new Date('2026-11-29T16:59:59Z'), 'Asia/Jakarta')).toBe('2026-11-29');
  });

  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28/02/2026')).toBe(false);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts working days over weekends and holidays (Idul Fitri leave)', () => {
    // Friday 2026-03-13 + 5 working days: 16, 17, (18–20 holidays), (21–22 weekend), (23–24 leave), 25, 26, 27.
    expect(addWorkingDays('2026-03-13', 5, holidays)).toBe('2026-03-27');
    // Saturday starts on Monday.
    expect(addWorkingDays('2026-11-28', 0, new Set())).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 10, new Set())).toBe('2026-12-11');
    expect(workingDaysBetween('2026-03-13', '2026-03-27', holidays)).toBe(5);
    expect(workingDaysBetween('2026-03-27', '2026-03-13', holidays)).toBe(0);
  });

  it('ends a day at local midnight', () => {
    expect(endOfLocalDay('2026-11-30', 'Asia/Jakarta').toISOString()).toBe('2026-11-30T16:59:59.999Z');
    expect(endOfLocalDay('2026-11-30', 'Asia/Jayapura').toISOString()).toBe('2026-11-30T14:59:59.999Z');
  });
});
