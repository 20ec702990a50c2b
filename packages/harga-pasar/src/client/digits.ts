/**
 * Whole-number input as officers type it: digits grouped in thousands while typing ("82.000" in Indonesian,
 * "82,000" in English) and the caret kept after the same digit. Pure, so it is tested without a DOM.
 */

/** The thousands separator of the page's language. */
export function groupSeparator(language: 'id' | 'en'): string {
  return language === 'id' ? '.' : ',';
}

/** "82000" → "82.000"; anything but digits is dropped first, so "Rp 82.000" stays "82.000". */
export function groupDigits(text: string, language: 'id' | 'en'): string {
  const digits = text.replace(/\D/g, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator(language));
}

/** How many digits stand before `caret` in `text`. */
export function digitsBefore(text: string, caret: number): number {
  return text.slice(0, caret).replace(/\D/g, '').length;
}

/** The caret position in the grouped `text` just after its `count`-th digit (0: the start). */
export function caretAfterDigits(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let index = 0; index < text.length; index++) {
    if (/\d/.test(text[index]!)) seen++;
    if (seen === count) return index + 1;
  }
  return text.length;
}
