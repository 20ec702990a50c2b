import {
  useEffect,
  useId,
  useRef,
  useState,
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, isIconName, type IconName } from './icons.js';

function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

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

/* ---------- Table ---------- */

export interface TableColumn<Row> {
  key: string;
  header: ReactNode;
  /** Plain-text header for the label shown beside each cell on phones. */
  label?: string;
  render?: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures (prices, counts). */
  numeric?: boolean;
}

export interface TableProps<Row> {
  caption: ReactNode;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Stack each row as a card on narrow screens instead of scrolling sideways. */
  stackOnPhone?: boolean;
  /** The key of the column that names each row (a <th scope="row">, and the title of each card on phones). */
  rowHeader?: string;
}

export function Table<Row>({ caption, columns, rows, rowKey, stackOnPhone = true, rowHeader }: TableProps<Row>) {
  const captionId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(wrapRef);
  return (
    // The wrapper scrolls when the table does not fit; only then is it a tab stop, so keyboards can scroll it.
    // (A stacked table on a phone does not scroll: a focus stop there would be a screen-tall box with its ring off-screen.)
    <div
      ref={wrapRef}
      className={cx('kk-table-wrap', stackOnPhone && 'kk-table-wrap--stack')}
      tabIndex={scrolls ? 0 : undefined}
      role="region"
      aria-labelledby={captionId}
    >
      <table className="kk-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cx(column.numeric && 'kk-num')}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const content = column.render ? column.render(row) : String((row as Record<string, unknown>)[column.key] ?? '');
                return column.key === rowHeader ? (
                  <th key={column.key} scope="row" className={cx('kk-table__row-header', column.numeric && 'kk-num')}>
                    {content}
                  </th>
                ) : (
                  <td
                    key={column.key}
                    className={cx(column.numeric && 'kk-num')}
                    data-label={column.label ?? (typeof column.header === 'string' ? column.header : undefined)}
                  >
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Whether the element's content overflows it (so it scrolls); true until measured, and where it cannot be measured. */
function useScrolls(ref: { current: HTMLElement | null }): boolean {
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}

/* ---------- Dialog ---------- */

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, e.g. cancel and confirm. */
  actions?: ReactNode;
}

/** A modal on the native <dialog>: the browser traps focus and closes on Escape; focus returns to the opener. */
export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const { t } = useTranslation('core');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      opener?.focus?.();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="kk-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Let React own the open state; Escape asks the parent to close.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="kk-dialog__header">
        <h2 id={titleId} className="kk-dialog__title">
          {title}
        </h2>
        <button type="button" className="kk-icon-button" onClick={onClose} aria-label={t('close')}>
          <Icon name="close" />
        </button>
      </div>
      <div className="kk-dialog__body">{children}</div>
      {actions && <div className="kk-dialog__actions">{actions}</div>}
    </dialog>
  );
}

/* ---------- States ---------- */

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation('core');
  return (
    <span className="kk-spinner-wrap" role="status">
      <span className="kk-spinner" aria-hidden="true" />
      <span className="kk-visually-hidden">{label ?? t('loading')}</span>
    </span>
  );
}

/** A block-level loading placeholder for a page or a section. */
export function Loading({ label }: { label?: string }) {
  return (
    <div className="kk-loading">
      <Spinner label={label} />
    </div>
  );
}

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** One of core's icons ("search", "list", …); other text is shown as it is (an emoji may render as an empty box). */
  icon?: IconName | (string & {});
  action?: ReactNode;
}

export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <div className="kk-state">
      {icon && (
        <span className="kk-state__icon" aria-hidden="true">
          {isIconName(icon) ? <Icon name={icon} size="2.5rem" /> : icon}
        </span>
      )}
      <p className="kk-state__title">{title}</p>
      {description && <p className="kk-state__description">{description}</p>}
      {action}
    </div>
  );
}

export interface ErrorStateProps {
  title?: ReactNode;
  /** The error; an ApiError's detail or a network failure is explained in the current language. */
  error?: unknown;
  onRetry?: () => void;
}

export function ErrorState({ title, error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation('core');
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const message = offline
    ? t('error.offline')
    : error instanceof Error && error.name === 'ApiError'
      ? error.message
      : t('error.description');
  return (
    <div className="kk-state kk-state--error" role="alert">
      <span className="kk-state__icon" aria-hidden="true">
        <Icon name={offline ? 'info' : 'warning'} size="2.5rem" />
      </span>
      <p className="kk-state__title">{title ?? t('error.title')}</p>
      <p className="kk-state__description">{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      )}
    </div>
  );
}

/* ---------- Layout bits ---------- */

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title, so cards fit the page outline. */
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
}

export function Card({ title, headingLevel = 2, children, className }: CardProps) {
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section className={cx('kk-card', className)}>
      {title && <Heading className="kk-card__title">{title}</Heading>}
      {children}
    </section>
  );
}

export interface BadgeProps {
  tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger';
  children: ReactNode;
}

export function Badge({ tone = 'neutral', children }: BadgeProps) {
  return <span className={cx('kk-badge', `kk-badge--${tone}`)}>{children}</span>;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The single h1 of a page. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  return (
    <div className="kk-page-header">
      <div>
        <h1 className="kk-page-header__title">{title}</h1>
        {description && <p className="kk-page-header__description">{description}</p>}
      </div>
      {actions && <div className="kk-page-header__actions">{actions}</div>}
    </div>
  );
}
