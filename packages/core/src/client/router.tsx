/**
 * Routing for modules and the shell: the small API modules use (`Link`, `NavLink`, `Navigate`, `useParams`,
 * `useNavigate`, `useSearchParams`, `useLocation`), on top of wouter (about 2 kB) instead of a full router
 * (about 30 kB on a citizen's first page). Paths are absolute ("/laksa/lapor").
 */
import { createContext, forwardRef, useCallback, useContext, useMemo, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { Link as WouterLink, Redirect, Router, useLocation as useWouterLocation, useParams as useWouterParams, useSearch, useSearchParams as useWouterSearchParams } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { useBrowserLocation, useHistoryState } from 'wouter/use-browser-location';

export interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** An absolute path ("/laksa/laporan/LKS-1"), with query if any. */
  to: string;
  /** Replaces the current history entry instead of adding one. */
  replace?: boolean;
  /** Carried to the next page (`useLocation().state`), not in the address. */
  state?: unknown;
}

/** A link inside the app: changes the page without reloading it; modifier clicks open a tab as usual. */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link({ to, replace, state, ...rest }, ref) {
  return <WouterLink href={to} replace={replace} state={state} ref={ref} {...rest} />;
});

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  /** Active only on exactly this path, not on the pages below it. */
  end?: boolean;
  className?: string | ((state: { isActive: boolean }) => string | undefined);
}

function isActivePath(current: string, to: string, end: boolean): boolean {
  const target = to.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
  const here = current.replace(/\/+$/, '') || '/';
  if (end || target === '/') return here === target;
  return here === target || here.startsWith(`${target}/`);
}

/** A link that knows whether it points at the current page: `aria-current="page"` and the class "active". */
export const NavLink = forwardRef<HTMLAnchorElement, NavLinkProps>(function NavLink({ to, end = false, className, ...rest }, ref) {
  const [path] = useWouterLocation();
  const isActive = isActivePath(path, to, end);
  const classes = typeof className === 'function' ? className({ isActive }) : [className, isActive ? 'active' : ''].filter(Boolean).join(' ') || undefined;
  return <Link ref={ref} to={to} className={classes} aria-current={isActive ? 'page' : undefined} {...rest} />;
});

/** Goes to `to` as soon as it renders (a page that moved, or a sign-in that finished). */
export function Navigate({ to, replace, state }: { to: string; replace?: boolean; state?: unknown }) {
  return <Redirect to={to} replace={replace} state={state} />;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

/** `navigate('/laksa/lacak/x')`, `navigate(next, { replace: true })`, `navigate(-1)` for back. */
export function useNavigate(): (to: string | number, options?: NavigateOptions) => void {
  const [, navigate] = useWouterLocation();
  return useCallback(
    (to: string | number, options?: NavigateOptions) => {
      if (typeof to === 'number') window.history.go(to);
      else navigate(to, options);
    },
    [navigate],
  );
}

/** The current page's path parameters (`/laksa/laporan/:ticket` → `{ ticket }`), as strings. */
export function useParams<Key extends string = string>(): Readonly<Partial<Record<Key, string>>> {
  return useWouterParams() as Readonly<Partial<Record<Key, string>>>;
}

/** The query string as URLSearchParams and a setter (`setParams({ q }, { replace: true })`). */
export function useSearchParams() {
  return useWouterSearchParams();
}

/** Reads the state a navigation carried; differs between the address bar and the in-memory router of tests. */
const StateReader = createContext<() => unknown>(() => null);

function BrowserState({ children }: { children: ReactNode }) {
  const state = useHistoryState();
  const read = useCallback(() => state, [state]);
  return <StateReader.Provider value={read}>{children}</StateReader.Provider>;
}

export interface AppLocation {
  pathname: string;
  /** "" or "?a=b". */
  search: string;
  hash: string;
  state: unknown;
}

/** Where the app is: path, query, hash and the navigation's state. */
export function useLocation(): AppLocation {
  const [pathname] = useWouterLocation();
  const search = useSearch();
  const state = useContext(StateReader)();
  const hash = typeof window === 'undefined' ? '' : window.location.hash;
  return useMemo(() => ({ pathname, search: search ? `?${search}` : '', hash, state }), [pathname, search, hash, state]);
}

/** The app's router on the browser's address bar. */
export function BrowserRouter({ children }: { children: ReactNode }) {
  return (
    <Router hook={useBrowserLocation}>
      <BrowserState>{children}</BrowserState>
    </Router>
  );
}

/** A router kept in memory, starting at `initialEntries[0]`: for tests of pages and components. */
export function MemoryRouter({ initialEntries = ['/'], children }: { initialEntries?: string[]; children: ReactNode }) {
  const [location] = useState(() => memoryLocation({ path: initialEntries[0] ?? '/', record: true }));
  return (
    <Router hook={location.hook} searchHook={location.searchHook}>
      <StateReader.Provider value={() => location.state}>{children}</StateReader.Provider>
    </Router>
  );
}

/** The router of a page rendered on the server (`@kota-kit/core/render`): the request's path and query, no history. */
export function ServerRouter({ url, children }: { url: string; children: ReactNode }) {
  return (
    <Router ssrPath={url}>
      <StateReader.Provider value={() => null}>{children}</StateReader.Provider>
    </Router>
  );
}
