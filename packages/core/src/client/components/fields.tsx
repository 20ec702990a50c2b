/** Buttons and form controls: Button, TextField, TextArea, SelectField (each with its label, hint and error) and FormError. */
import { useId, type ButtonHTMLAttributes, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from '../translator.js';
import { cx } from './class-names.js';

/* ---------- Button ---------- */

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger';
  /** Shows a spinner and blocks a second submit while an action runs. */
  loading?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'primary', loading = false, disabled, className, children, type, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={cx('kk-button', `kk-button--${variant}`, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && <span className="kk-spinner kk-spinner--inline" aria-hidden="true" />}
      {children}
    </button>
  );
}

/* ---------- Fields ---------- */

interface FieldBaseProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
}

/** Ids and aria attributes that tie a control to its label, hint and error. */
function useFieldIds(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const controlId = id ?? `kk-field${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, describedBy, invalid: error ? true : undefined };
}

function Field(props: {
  controlId: string;
  hintId?: string;
  errorId?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('core');
  return (
    <div className={cx('kk-field', props.error && 'kk-field--invalid')}>
      <label className="kk-field__label" htmlFor={props.controlId}>
        {props.label}
        {props.required && <span className="kk-field__required"> ({t('required')})</span>}
      </label>
      {props.hint && (
        <p className="kk-field__hint" id={props.hintId}>
          {props.hint}
        </p>
      )}
      {props.children}
      {props.error && (
        <p className="kk-field__error" id={props.errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = FieldBaseProps & InputHTMLAttributes<HTMLInputElement>;

export function TextField({ label, hint, error, id, className, ...rest }: TextFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <Field {...ids} label={label} hint={hint} error={error} required={rest.required}>
      <input
        {...rest}
        id={ids.controlId}
        className={cx('kk-input', className)}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
      />
    </Field>
  );
}

export type TextAreaProps = FieldBaseProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextArea({ label, hint, error, id, className, rows = 4, ...rest }: TextAreaProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <Field {...ids} label={label} hint={hint} error={error} required={rest.required}>
      <textarea
        {...rest}
        rows={rows}
        id={ids.controlId}
        className={cx('kk-input', 'kk-textarea', className)}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
      />
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectFieldProps = FieldBaseProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options?: SelectOption[];
    /** Shown as an empty first choice, e.g. "Pilih kategori". */
    placeholder?: string;
  };

export function SelectField({ label, hint, error, id, className, options, placeholder, children, ...rest }: SelectFieldProps) {
  const ids = useFieldIds(id, hint, error);
  return (
    <Field {...ids} label={label} hint={hint} error={error} required={rest.required}>
      <select
        {...rest}
        id={ids.controlId}
        className={cx('kk-input', 'kk-select', className)}
        aria-invalid={ids.invalid}
        aria-describedby={ids.describedBy}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {children}
      </select>
    </Field>
  );
}

/** The general error of a form (problem detail), announced when it appears. */
export function FormError({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <div className="kk-form-error" role="alert">
      {children}
    </div>
  );
}

/* ---------- SearchForm ---------- */

export interface SearchFormProps {
  /** The field's label, e.g. "Cari berita". */
  label: ReactNode;
  /** The submit button's text, e.g. "Cari". */
  button: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Called on submit (Enter or the button); the page's address usually carries the search. */
  onSubmit: () => void;
  /** An example of what to type; the label still names the field. */
  placeholder?: string;
  name?: string;
  /** Under the field's row: more filters (a `<details>`), a count. */
  children?: ReactNode;
  className?: string;
}

/**
 * A search field and its button on one row, so a phone shows the results under it rather than a screen of form:
 * `role="search"`, the keyboard's Enter key says "search", and a module's extra filters go underneath.
 */
export function SearchForm({ label, button, value, onChange, onSubmit, placeholder, name = 'q', children, className }: SearchFormProps) {
  const { controlId } = useFieldIds(undefined, undefined, undefined);
  return (
    <form
      role="search"
      className={cx('kk-search', className)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label className="kk-field__label" htmlFor={controlId}>
        {label}
      </label>
      <div className="kk-search__row">
        <input
          id={controlId}
          className="kk-input"
          type="search"
          name={name}
          value={value}
          placeholder={placeholder}
          enterKeyHint="search"
          onChange={(event) => onChange(event.target.value)}
        />
        <Button type="submit">{button}</Button>
      </div>
      {children}
    </form>
  );
}
