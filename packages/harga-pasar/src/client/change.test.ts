// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compactRupiah, describeChange, percentChange, signedPercent } from './change.js';

const normalise = (text: string) => text.replace(/\s/g, ' ');

describe('describeChange', () => {
  it('shows a rise with ▲, a plus sign and the red class', () => {
    const view = describeChange({ amount: 2000, percent: 5.3 }, 'id');
    expect(view).toMatchObject({ direction: 'up', arrow: '▲', className: 'hp-up', percent: '+5,3%' });
    expect(normalise(view.amount)).toBe('+Rp 2.000');
  });

  it('shows a fall with ▼, a minus sign and the green class', () => {
    const view = describeChange({ amount: -1500, percent: -10 }, 'id');
    expect(view).toMatchObject({ direction: 'down', arrow: '▼', className: 'hp-down', percent: '−10%' });
    expect(normalise(view.amount)).toBe('−Rp 1.500');
  });

  it('shows no change as unchanged, without arrow colour', () => {
    expect(describeChange({ amount: 0, percent: 0 }, 'id')).toMatchObject({ direction: 'same', arrow: '=', className: 'hp-same', percent: '0%' });
  });

  it('formats in English with comma thousands and a decimal point', () => {
    const view = describeChange({ amount: 12500, percent: 12.5 }, 'en');
    expect(normalise(view.amount)).toBe('+IDR 12,500');
    expect(view.percent).toBe('+12.5%');
  });
});

describe('numbers', () => {
  it('signs percents and keeps one decimal', () => {
    expect(signedPercent(3.25, 'id')).toMatch(/^\+3,[23]%$/);
    expect(signedPercent(-0.5, 'en')).toBe('−0.5%');
  });

  it('computes the percent change like the server (one decimal)', () => {
    expect(percentChange(40000, 50000)).toBe(25);
    expect(percentChange(30000, 29000)).toBe(-3.3);
    expect(percentChange(0, 100)).toBe(0);
  });

  it('writes compact axis labels', () => {
    expect(compactRupiah(45000, 'id')).toBe('Rp 45 rb');
    expect(compactRupiah(12500, 'id')).toBe('Rp 12,5 rb');
    expect(compactRupiah(1_200_000, 'en')).toBe('IDR 1.2m');
    expect(compactRupiah(500, 'en')).toBe('IDR 500');
  });
});
