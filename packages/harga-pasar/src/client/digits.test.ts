import { describe, expect, it } from 'vitest';
import { caretAfterDigits, digitsBefore, groupDigits } from './digits.js';
import { parsePrice } from './entry-logic.js';

describe('digits grouped while typing', () => {
  it('groups thousands in the language of the page and reads back as a whole number', () => {
    expect(groupDigits('82000', 'id')).toBe('82.000');
    expect(groupDigits('1250000', 'id')).toBe('1.250.000');
    expect(groupDigits('82000', 'en')).toBe('82,000');
    expect(groupDigits('Rp 58.500', 'id')).toBe('58.500');
    expect(groupDigits('950', 'id')).toBe('950');
    expect(groupDigits('', 'id')).toBe('');
    expect(parsePrice(groupDigits('82000', 'id'))).toBe(82_000);
    expect(parsePrice(groupDigits('82000', 'en'))).toBe(82_000);
  });

  it('keeps the caret after the same digit when separators move', () => {
    // "82.|000" + "5" → "82.5|000" (3 digits before the caret) → "825|.000"
    expect(digitsBefore('82.5000', 4)).toBe(3);
    expect(caretAfterDigits('825.000', 3)).toBe(3);
    // Deleting the 5 again: "825|.000" → "82|.000" → caret after 2 digits.
    expect(caretAfterDigits('82.000', 2)).toBe(2);
    expect(caretAfterDigits('1.250.000', 4)).toBe(5);
    expect(caretAfterDigits('82.000', 0)).toBe(0);
    expect(caretAfterDigits('82.000', 9)).toBe(6);
  });
});
