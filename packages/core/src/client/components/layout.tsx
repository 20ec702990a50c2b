import type { ReactNode } from 'react';
import { Icon, type IconName } from '../icons.js';
import { cx } from './class-names.js';

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

export interface DisclosureProps {
  /** The line that opens it, e.g. "Saringan lainnya (2 aktif)". */
  summary: ReactNode;
  /** Open at first, e.g. when a filter inside it is on. */
  open?: boolean;
  /** An icon before the summary, e.g. "filter". */
  icon?: IconName;
  children: ReactNode;
  className?: string;
}

/**
 * A line that opens to show more (filters, a table behind a chart), with a chevron that turns when open. A native
 * `<details>`, so it opens on a server-rendered page before the app has started, and the keyboard and screen
 * readers know it.
 */
export function Disclosure({ summary, open, icon, children, className }: DisclosureProps) {
  return (
    <details className={cx('kk-disclosure', className)} open={open || undefined}>
      <summary className="kk-disclosure__summary">
        {icon && <Icon name={icon} />}
        <span>{summary}</span>
        <Icon name="chevron-right" className="kk-disclosure__chevron" />
      </summary>
      <div className="kk-disclosure__body">{children}</div>
    </details>
  );
}
