import { Component, lazy, Suspense, useEffect, useRef, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useQuery } from './query.js';
import { useTranslation } from './translator.js';
import { Link, NavLink, useLocation } from './router.js';
import { clientLanguages as languages } from './runtime.js';
import { Button, EmptyState, ErrorState, Loading, PageHeader } from './components.js';
import { useBootstrap, useClientModules } from './context.js';
import { changeLanguage, useLanguage } from './i18n.js';
import type { ClientModule, HomeWidget } from './module.js';
import { useSession } from './session.js';
import { Icon, isIconName } from './icons.js';

/** A module's nav icon: one of core's SVG icons by name (emoji render as empty boxes on phones without an emoji font). */
function NavIcon({ icon }: { icon: string }) {
  return isIconName(icon) ? <Icon name={icon} /> : <>{icon}</>;
}

/* ---------- Error boundary ---------- */

interface BoundaryProps {
  fallback: (retry: () => void, error: unknown) => ReactNode;
  children: ReactNode;
}

/** Keeps one failing part (a module's widget) from taking the whole screen down. */
export class ErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Kota Kit: a component failed', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return this.props.fallback(() => this.setState({ error: null }), this.state.error);
    return this.props.children;
  }
}

/* ---------- Header parts ---------- */

function LanguageSwitch() {
  const { t, i18n } = useTranslation('core');
  const current = useLanguage();
  return (
    <div className="kk-lang" role="group" aria-label={t('language.label')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="kk-lang__button"
          aria-pressed={current === language}
          lang={language}
          onClick={() => void changeLanguage(i18n, language)}
        >
          {/* Visible code first so voice control users can say "ID" (label in name). */}
          {language.toUpperCase()}
          <span className="kk-visually-hidden"> {t(`language.${language}`)}</span>
        </button>
      ))}
    </div>
  );
}

function AccountMenu() {
  const { t } = useTranslation('core');
  const { user, isLoading, signOut, isSigningOut } = useSession();
  const location = useLocation();
  if (isLoading) return <div className="kk-account" aria-hidden="true" />;
  if (!user) {
    const here = location.pathname + location.search;
    const next = location.pathname === '/login' || location.pathname === '/register' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <div className="kk-account">
        <Link className="kk-account__link" to={`/login${next}`}>
          {t('account.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="kk-account">
      <Link className="kk-account__me" to="/account" title={t('account.signedInAs', { name: user.name })}>
        <Icon name="user" />
        <span className="kk-visually-hidden">{t('account.mine')}: </span>
        <span className="kk-account__name">{user.name}</span>
      </Link>
      <Button variant="secondary" className="kk-account__signout" loading={isSigningOut} onClick={() => void signOut()}>
        {t('account.signOut')}
      </Button>
    </div>
  );
}

function MainNav({ modules }: { modules: ClientModule[] }) {
  const { t } = useTranslation('core');
  const { t: tAll } = useTranslation(modules.map((module) => module.definition.id));
  return (
    <nav className="kk-nav" aria-label={t('mainNav')}>
      <ul className="kk-nav__list">
        <li>
          <NavLink to="/" end className="kk-nav__link">
            <span className="kk-nav__icon" aria-hidden="true">
              <Icon name="home" />
            </span>
            <span className="kk-nav__label">{t('home')}</span>
          </NavLink>
        </li>
        {modules.map((module) =>
          module.nav ? (
            <li key={module.definition.id}>
              <NavLink to={`/${module.definition.id}`} className="kk-nav__link">
                <span className="kk-nav__icon" aria-hidden="true">
                  <NavIcon icon={module.nav.icon} />
                </span>
                <span className="kk-nav__label">{tAll(module.nav.labelKey, { ns: module.definition.id })}</span>
              </NavLink>
            </li>
          ) : null,
        )}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t } = useTranslation('core');
  const { region, demo } = useBootstrap();
  const { contacts } = region;
  const hasContacts = Boolean(contacts.email || contacts.phone || contacts.address || contacts.website);
  return (
    <footer className="kk-footer">
      <div className="kk-container">
        <p className="kk-footer__region">
          <strong>{region.name}</strong>
        </p>
        {hasContacts && (
          <>
            <h2 className="kk-footer__heading">{t('footer.contacts')}</h2>
            <dl className="kk-footer__contacts">
              {contacts.phone && (
                <div>
                  <dt>{t('footer.phone')}</dt>
                  <dd>
                    <a href={`tel:${contacts.phone.replace(/[^\d+]/g, '')}`}>{contacts.phone}</a>
                  </dd>
                </div>
              )}
              {contacts.email && (
                <div>
                  <dt>{t('footer.email')}</dt>
                  <dd>
                    <a href={`mailto:${contacts.email}`}>{contacts.email}</a>
                  </dd>
                </div>
              )}
              {contacts.address && (
                <div>
                  <dt>{t('footer.address')}</dt>
                  <dd>{contacts.address}</dd>
                </div>
              )}
              {contacts.website && (
                <div>
                  <dt>{t('footer.website')}</dt>
                  <dd>
                    <a href={contacts.website}>{contacts.website.replace(/^https?:\/\//, '')}</a>
                  </dd>
                </div>
              )}
            </dl>
          </>
        )}
        {demo && <p className="kk-footer__demo">{t('footer.demo')}</p>}
        <p className="kk-footer__powered">{t('footer.poweredBy')}</p>
      </div>
    </footer>
  );
}

/** Moves focus to the main content after an in-app navigation, so screen readers hear the new page. */
function useFocusOnNavigate() {
  const location = useLocation();
  const ref = useRef<HTMLElement>(null);
  // Compare with the last path rather than "first run", which StrictMode's double effects would defeat.
  const lastPath = useRef(location.pathname);
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    ref.current?.focus();
    window.scrollTo?.(0, 0);
  }, [location.pathname]);
  return ref;
}

/* ---------- Layout ---------- */

export function Shell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('core');
  const { region } = useBootstrap();
  const modules = useClientModules();
  const mainRef = useFocusOnNavigate();
  // The app has taken the page over (rendered or hydrated it): `<html data-kk-app="ready">`, for scripts and tests.
  useEffect(() => {
    if (document.documentElement.getAttribute('data-kk-app') === 'started') document.documentElement.setAttribute('data-kk-app', 'ready');
  }, []);
  return (
    <div className="kk-app">
      <a className="kk-skip-link" href="#kk-main">
        {t('skipToContent')}
      </a>
      <header className="kk-header">
        <div className="kk-container kk-header__inner">
          <Link to="/" className="kk-brand">
            <img className="kk-brand__logo" src={region.logo} alt="" width={36} height={36} />
            <span className="kk-brand__name">{region.appName}</span>
          </Link>
          <div className="kk-header__tools">
            <LanguageSwitch />
            <AccountMenu />
          </div>
        </div>
        <MainNav modules={modules} />
      </header>
      <main id="kk-main" className="kk-main" tabIndex={-1} ref={mainRef}>
        <div className="kk-container">
          <Suspense fallback={<Loading />}>{children}</Suspense>
        </div>
      </main>
      <Footer />
    </div>
  );
}

/* ---------- Home ---------- */

// One lazy component per widget loader, created once so re-renders keep the loaded module.
const lazyWidgets = new WeakMap<HomeWidget, ComponentType>();
function lazyWidget(widget: HomeWidget): ComponentType {
  let component = lazyWidgets.get(widget);
  if (!component) {
    component = lazy(widget.widget);
    lazyWidgets.set(widget, component);
  }
  return component;
}

function WidgetSlot({ widget }: { widget: HomeWidget }) {
  const { t } = useTranslation('core');
  const Widget = lazyWidget(widget);
  return (
    <div className="kk-widget">
      <ErrorBoundary fallback={(retry) => <ErrorState title={t('error.widget')} onRetry={retry} />}>
        <Suspense fallback={<Loading />}>
          <Widget />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation('core');
  const { region } = useBootstrap();
  const modules = useClientModules();
  const { t: tAll } = useTranslation(modules.map((module) => module.definition.id));
  const tiles = modules.filter((module) => module.nav);
  const widgets = modules.flatMap((module) => (module.widgets ?? []).map((widget) => ({ module, widget })));
  return (
    <>
      <PageHeader title={region.appName} description={region.name} />
      <section aria-labelledby="kk-services-heading">
        <h2 id="kk-services-heading" className="kk-section-title">
          {t('services')}
        </h2>
        <ul className="kk-tiles">
          {tiles.map(({ definition, nav }) => (
            <li key={definition.id}>
              <Link to={`/${definition.id}`} className="kk-tile">
                <span className="kk-tile__icon" aria-hidden="true">
                  <NavIcon icon={nav!.icon} />
                </span>
                <span className="kk-tile__text">
                  <span className="kk-tile__label">{tAll(nav!.labelKey, { ns: definition.id })}</span>
                  {nav!.descriptionKey && (
                    <span className="kk-tile__description">{tAll(nav!.descriptionKey, { ns: definition.id })}</span>
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <OfficerTasks modules={modules} />
      {widgets.length > 0 && (
        <section aria-labelledby="kk-widgets-heading" className="kk-widgets">
          <h2 id="kk-widgets-heading" className="kk-section-title">
            {t('news')}
          </h2>
          {widgets.map(({ module, widget }) => (
            <WidgetSlot key={`${module.definition.id}:${widget.id}`} widget={widget} />
          ))}
        </section>
      )}
    </>
  );
}

/** Links to the officer pages the signed-in user may open, and to the admin page for region admins. */
function OfficerTasks({ modules }: { modules: ClientModule[] }) {
  const { t } = useTranslation('core');
  const { t: tAll } = useTranslation(modules.map((module) => module.definition.id));
  const { user } = useSession();
  if (!user || user.kind === 'citizen') return null;
  const links = modules.flatMap((module) =>
    (module.tasks ?? [])
      .filter((task) => user.kind === 'admin' || task.roles.some((role) => user.roles.some((grant) => grant.module === module.definition.id && grant.role === role)))
      .map((task) => ({
        key: `${module.definition.id}:${task.path}`,
        to: `/${[module.definition.id, task.path].filter(Boolean).join('/')}`,
        label: tAll(task.labelKey, { ns: module.definition.id }),
        count: task.count,
      })),
  );
  if (user.kind === 'admin') links.push({ key: 'core:admin', to: '/admin', label: t('admin.title'), count: undefined });
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="kk-tasks-heading" className="kk-tasks">
      <h2 id="kk-tasks-heading" className="kk-section-title">
        {t('tasks')}
      </h2>
      <ul className="kk-task-list">
        {links.map((link) => (
          <li key={link.key}>
            <Link to={link.to} className="kk-task-link">
              {link.label}
              {link.count ? <TaskCount taskKey={link.key} userId={user.id} count={link.count} /> : null}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A task's waiting items beside its link, " (3)"; nothing while loading, on failure or at zero. */
function TaskCount({ taskKey, userId, count }: { taskKey: string; userId: string; count: () => Promise<number> }) {
  const result = useQuery({ queryKey: ['kk-task-count', userId, taskKey], queryFn: count, retry: false, staleTime: 30_000 });
  if (!result.data) return null;
  return <span className="kk-task-link__count">{`\u00a0(${result.data})`}</span>;
}

/* ---------- Not found and route errors ---------- */

export function NotFoundPage() {
  const { t } = useTranslation('core');
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        icon="🧭"
        title={t('notFound.description')}
        action={
          <Link className="kk-button kk-button--primary" to="/">
            {t('notFound.back')}
          </Link>
        }
      />
    </>
  );
}

/** Shown inside the shell when a route's page fails to load or throws (e.g. a chunk missing offline). */
export function RouteErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation('core');
  return (
    <>
      <PageHeader title={t('error.title')} />
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </>
  );
}
