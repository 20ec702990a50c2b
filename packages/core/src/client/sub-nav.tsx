import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from './router.js';
import { Icon, type IconName } from './icons.js';

export interface SubNavLink {
  /** An absolute path, e.g. "/laksa/statistik". */
  to: string;
  label: string;
  icon?: IconName;
  /** Marks the link current only on exactly this path (the module's start page). */
  end?: boolean;
  /** Leave the link out (e.g. officer pages for citizens). */
  hidden?: boolean;
  /**
   * Whether this is the current choice, for rows whose links differ only in their query ("?status=draft"):
   * given, it replaces the match on the path.
   */
  current?: boolean;
}

export interface SubNavProps {
  /** Names the navigation, e.g. "Menu LAKSA". */
  label: string;
  links: SubNavLink[];
}

/**
 * Which ends of a horizontally scrolling row hide more of it, kept current while it scrolls or resizes: for the
 * fade and arrow that tell a phone user the row goes on (core's SubNav, a module's own chip rows).
 */
export function useScrollHint(ref: { current: HTMLElement | null }): { start: boolean; end: boolean } {
  const [more, setMore] = useState({ start: false, end: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let measured = false;
    const measure = () => {
      measured = true;
      const max = element.scrollWidth - element.clientWidth;
      setMore({ start: element.scrollLeft > 1, end: element.scrollLeft < max - 1 });
    };
    element.addEventListener('scroll', measure, { passive: true });
    // First measured when the observer reports the row's size, right after the browser has laid the page out anyway:
    // measuring here, or at the next frame, would force a layout of the whole page (it showed in page-load profiles).
    // Just after that frame, a row the observer has not reported (no ResizeObserver) is measured then.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (!measured) measure();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref]);
  return more;
}

/**
 * A module's own pages as a row of chips under the page header. On a narrow phone the row scrolls sideways;
 * a fade and an arrow at the hidden end show that there is more, and the current page (aria-current="page")
 * is scrolled into view.
 */
export function SubNav({ label, links }: SubNavProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const more = useScrollHint(listRef);
  const { pathname } = useLocation();
  // On arrival at a page only, not on every render (each call forces a layout).
  useEffect(() => {
    const current = listRef.current?.querySelector<HTMLElement>('[aria-current="page"]');
    current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  const classes = ['kk-subnav', more.start && 'kk-subnav--more-start', more.end && 'kk-subnav--more-end'].filter(Boolean).join(' ');
  return (
    <nav className={classes} aria-label={label}>
      <ul ref={listRef} className="kk-subnav__list">
        {links
          .filter((link) => !link.hidden)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="kk-subnav__link" {...(link.current === undefined ? {} : { 'aria-current': link.current ? ('page' as const) : undefined })}>
                {link.icon && <Icon name={link.icon} />}
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
      {more.end && <MoreSign />}
    </nav>
  );
}

/** The arrow at a row's hidden end. Only a visual sign: screen readers and keyboards reach every control anyway. */
function MoreSign() {
  return (
    <span className="kk-subnav__more" aria-hidden="true">
      <Icon name="chevron-right" />
    </span>
  );
}

/**
 * Any row of controls (toggle buttons, chips) as one row that scrolls sideways on a phone, with SubNav's fade and
 * arrow at a hidden end; a group named by `label`. For links between pages use SubNav.
 */
export function ScrollRow({ label, children }: { label: string; children: ReactNode }) {
  const rowRef = useRef<HTMLDivElement>(null);
  const more = useScrollHint(rowRef);
  const classes = ['kk-subnav', more.start && 'kk-subnav--more-start', more.end && 'kk-subnav--more-end'].filter(Boolean).join(' ');
  return (
    <div className={classes} role="group" aria-label={label}>
      <div ref={rowRef} className="kk-subnav__list">
        {children}
      </div>
      {more.end && <MoreSign />}
    </div>
  );
}
