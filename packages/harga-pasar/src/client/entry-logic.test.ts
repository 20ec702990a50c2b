// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildEntryBody,
  clearDraft,
  draftDiffers,
  draftKey,
  fillSameAsYesterday,
  initialValues,
  largeChangeHint,
  loadDraft,
  localProblem,
  onlyLargeChanges,
  parsePrice,
  rowProblems,
  saveDraft,
  untouchedCount,
  type EntryData,
} from './entry-logic.js';

const data: EntryData = {
  market: { id: 'pasar-a', name: 'Pasar Anyar' },
  date: '2025-03-10',
  status: 'partial',
  publishMode: 'supervisor',
  changeWarningPercent: 20,
  items: [
    { commodity: 'beras', name: 'Beras', group: 'Beras', variant: null, unit: 'kg', previous: { date: '2025-03-09', price: 13_000 }, price: null, status: null },
    { commodity: 'cabai', name: 'Cabai', group: 'Cabai', variant: null, unit: 'kg', previous: { date: '2025-03-09', price: 50_000 }, price: null, status: null },
    { commodity: 'telur', name: 'Telur', group: 'Telur', variant: null, unit: 'kg', previous: { date: '2025-03-09', price: 28_000 }, price: 28_500, status: 'published' },
    { commodity: 'garam', name: 'Garam', group: 'Garam', variant: null, unit: 'kg', previous: null, price: 9_000, status: 'draft' },
  ],
  outliers: [],
};

beforeEach(() => localStorage.clear());

describe('draft', () => {
  it('is saved on every change, restored for the same market and day, and cleared after saving', () => {
    saveDraft(localStorage, 'pasar-a', '2025-03-10', { beras: '13500' });
    expect(localStorage.getItem(draftKey('pasar-a', '2025-03-10'))).toContain('13500');
    expect(loadDraft(localStorage, 'pasar-a', '2025-03-11')).toBeNull();
    const draft = loadDraft(localStorage, 'pasar-a', '2025-03-10');
    expect(draft?.values).toEqual({ beras: '13500' });
    expect(draftDiffers(data, draft)).toBe(true);
    clearDraft(localStorage, 'pasar-a', '2025-03-10');
    expect(loadDraft(localStorage, 'pasar-a', '2025-03-10')).toBeNull();
  });

  it('goes over stored values, but never over a published price', () => {
    const values = initialValues(data, { market: 'pasar-a', date: '2025-03-10', savedAt: '', values: { beras: '13500', telur: '1', garam: '9500' } });
    expect(values).toEqual({ beras: '13500', cabai: '', telur: '28500', garam: '9500' });
  });

  it('ignores broken or foreign drafts and missing storage', () => {
    localStorage.setItem(draftKey('pasar-a', '2025-03-10'), '{not json');
    expect(loadDraft(localStorage, 'pasar-a', '2025-03-10')).toBeNull();
    localStorage.setItem(draftKey('pasar-a', '2025-03-10'), JSON.stringify({ market: 'pasar-b', date: '2025-03-10', values: {} }));
    expect(loadDraft(localStorage, 'pasar-a', '2025-03-10')).toBeNull();
    expect(() => saveDraft(null, 'pasar-a', '2025-03-10', {})).not.toThrow();
    expect(loadDraft(null, 'pasar-a', '2025-03-10')).toBeNull();
  });

  it('does not count as differing when it equals what the server has', () => {
    expect(draftDiffers(data, { market: 'pasar-a', date: '2025-03-10', savedAt: '', values: { garam: '9000' } })).toBe(false);
  });
});

describe('same as yesterday', () => {
  it('fills every empty editable row that has a previous price, in one tap', () => {
    const values = { beras: '', cabai: '61000', telur: '28500', garam: '9000' };
    expect(untouchedCount(data, values)).toBe(1);
    expect(fillSameAsYesterday(data, values)).toEqual({ beras: '13000', cabai: '61000', telur: '28500', garam: '9000' });
  });

  it('fills one row even when it holds a value', () => {
    expect(fillSameAsYesterday(data, { beras: '1', cabai: '61000' }, 'cabai').cabai).toBe('50000');
    // Published rows and rows without a previous price stay as they are.
    expect(fillSameAsYesterday(data, { telur: '28500' }, 'telur').telur).toBe('28500');
    expect(fillSameAsYesterday(data, { garam: '' }, 'garam').garam).toBe('');
  });
});

describe('request and answers', () => {
  it('reads prices leniently and sends only editable rows with a price', () => {
    expect(parsePrice('12.500')).toBe(12_500);
    expect(parsePrice('Rp 12,500')).toBe(12_500);
    expect(parsePrice('')).toBeNull();
    expect(parsePrice('0')).toBeNull();
    const body = buildEntryBody(data, { beras: '13.500', cabai: '', telur: '30000', garam: '9000' });
    expect(body).toEqual({
      market: 'pasar-a',
      date: '2025-03-10',
      prices: [
        { commodity: 'beras', price: 13_500 },
        { commodity: 'garam', price: 9_000 },
      ],
      confirmLargeChanges: false,
    });
    expect(buildEntryBody(data, { beras: '1' }, true).confirmLargeChanges).toBe(true);
  });

  it('warns while typing when a change is beyond the threshold', () => {
    const cabai = data.items[1]!;
    expect(largeChangeHint(cabai, '61000', 20)).toBe(22);
    expect(largeChangeHint(cabai, '59000', 20)).toBeNull();
    expect(largeChangeHint(cabai, '', 20)).toBeNull();
    expect(largeChangeHint(data.items[3]!, '90000', 20)).toBeNull();
  });

  it('maps a 409 large_change answer to the commodities by the index sent', () => {
    const body = buildEntryBody(data, { beras: '13000', cabai: '70000', garam: '9000' });
    const problems = rowProblems(
      {
        title: 'Confirm large changes',
        detail: 'Some prices changed more than 20%',
        errors: [{ field: 'body.prices.1.price', message: 'Changed +40% from 50000 on 2025-03-09; confirm it.', code: 'large_change' }],
      },
      body,
    );
    expect(problems.largeChanges).toEqual({ cabai: 'Changed +40% from 50000 on 2025-03-09; confirm it.' });
    expect(problems.errors).toEqual({});
    expect(onlyLargeChanges(problems)).toBe(true);
  });

  it('keeps field errors apart from large changes, and general errors apart from rows', () => {
    const body = buildEntryBody(data, { beras: '13000', cabai: '70000' });
    const problems = rowProblems(
      {
        title: 'Invalid',
        errors: [
          { field: 'body.prices.0.price', message: 'Already published', code: 'published' },
          { field: 'body.prices.1.price', message: 'Large', code: 'large_change' },
          { field: 'body.date', message: 'Prices cannot be entered for a future date.' },
        ],
      },
      body,
    );
    expect(problems.errors).toEqual({ beras: 'Already published' });
    expect(problems.largeChanges).toEqual({ cabai: 'Large' });
    expect(problems.general).toEqual(['Prices cannot be entered for a future date.']);
    expect(onlyLargeChanges(problems)).toBe(false);
    expect(rowProblems({ title: 'Forbidden', detail: 'You enter prices for pasar-b only.' }, body).general).toEqual(['You enter prices for pasar-b only.']);
  });

  it('checks the body with the server schema before sending, naming the fields as the server would', () => {
    const body = buildEntryBody(data, { beras: '13000', cabai: '250000000' });
    expect(localProblem(body)?.errors?.map((error) => error.field)).toEqual(['body.prices.1.price']);
    expect(rowProblems(localProblem(body)!, body).errors).toEqual({ cabai: expect.any(String) });
    expect(localProblem(buildEntryBody(data, { beras: '13000' }))).toBeNull();
    expect(localProblem({ ...buildEntryBody(data, { beras: '13000' }), date: '0024-01-02' })?.errors?.map((error) => error.field)).toEqual(['body.date']);
  });
});
