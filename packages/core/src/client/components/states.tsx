/** Loading, empty and error states of a page or a section. */
import type { ReactNode } from 'react';
import { useTranslation } from '../translator.js';
import { Icon, isIconName, type IconName } from '../icons.js';
import { Button } from './fields.js';

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
