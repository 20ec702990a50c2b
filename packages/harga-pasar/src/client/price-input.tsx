import { useLanguage } from '@kota-kit/core/client';
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, type InputHTMLAttributes } from 'react';
import { caretAfterDigits, digitsBefore, groupDigits } from './digits.js';

export interface PriceInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'inputMode'> {
  /** The value as digits only ("82000"); shown grouped ("82.000"). */
  value: string;
  /** Called with digits only. */
  onValueChange: (digits: string) => void;
}

/**
 * A rupiah field for officers on a phone: numeric keyboard, the whole value selected when the field is entered
 * (so typing replaces a pre-filled price instead of appending to it), digits grouped while typing, the caret
 * kept after the same digit. The value given and taken is digits only; `parsePrice` reads it back as a number.
 * (A candidate for core's kit: a NumberField.)
 */
export const PriceInput = forwardRef<HTMLInputElement, PriceInputProps>(function PriceInput({ value, onValueChange, onFocus, onMouseUp, className, ...rest }, forwarded) {
  const language = useLanguage();
  const ref = useRef<HTMLInputElement>(null);
  useImperativeHandle(forwarded, () => ref.current!, []);
  const caret = useRef<number | null>(null);
  const justFocused = useRef(false);
  const shown = groupDigits(value, language);

  useLayoutEffect(() => {
    const input = ref.current;
    if (caret.current === null || !input || document.activeElement !== input) return;
    const position = caretAfterDigits(shown, caret.current);
    caret.current = null;
    input.setSelectionRange(position, position);
  }, [shown]);

  return (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className}
      value={shown}
      onFocus={(event) => {
        event.currentTarget.select();
        justFocused.current = true;
        onFocus?.(event);
      }}
      onMouseUp={(event) => {
        // The click that focused the field would otherwise put the caret where the finger was and drop the selection.
        if (justFocused.current) event.preventDefault();
        justFocused.current = false;
        onMouseUp?.(event);
      }}
      onKeyDown={(event) => {
        justFocused.current = false;
        rest.onKeyDown?.(event);
      }}
      onChange={(event) => {
        const input = event.target;
        caret.current = digitsBefore(input.value, input.selectionStart ?? input.value.length);
        onValueChange(input.value.replace(/\D/g, ''));
      }}
    />
  );
});
