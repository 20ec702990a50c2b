import type { ReactNode } from 'react';
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
