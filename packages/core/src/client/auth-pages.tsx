import { useState, type FormEvent } from 'react';
import { useTranslation } from './translator.js';
import { Link, useLocation, useNavigate, useSearchParams } from './router.js';
import { ApiError } from './api.js';
import { Button, FormError, PageHeader, TextField } from './components.js';
import { useSession } from './session.js';

/** Only same-site paths, so `?next=` cannot send the user to another website. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

interface FormState {
  fieldErrors: Record<string, string>;
  error: string | null;
  busy: boolean;
}

const idle: FormState = { fieldErrors: {}, error: null, busy: false };

/** Runs a submit and turns an ApiError into field errors and a general message. */
function useSubmit() {
  const { t } = useTranslation('core');
  const [state, setState] = useState<FormState>(idle);
  const run = async (action: () => Promise<void>) => {
    setState({ ...idle, busy: true });
    try {
      await action();
      setState(idle);
    } catch (error) {
      if (error instanceof ApiError) {
        const hasFields = Object.keys(error.fieldErrors).length > 0;
        setState({
          fieldErrors: error.fieldErrors,
          // A validation problem is explained next to the fields; other problems at the top.
          error: hasFields && !error.problem.detail ? null : error.message,
          busy: false,
        });
      } else {
        setState({ fieldErrors: {}, error: t(navigator.onLine === false ? 'error.offline' : 'error.description'), busy: false });
      }
    }
  };
  return { ...state, run };
}

function formValue(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === 'string' ? value : '';
}

export function LoginPage() {
  const { t } = useTranslation('core');
  const { signIn } = useSession();
  const navigate = useNavigate();
  const registeredEmail = (useLocation().state as { registeredEmail?: string } | null)?.registeredEmail;
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    void form.run(async () => {
      await signIn(formValue(target, 'email'), formValue(target, 'password'));
      navigate(next, { replace: true });
    });
  };
  return (
    <div className="kk-narrow">
      <PageHeader title={t('login.title')} description={t('login.intro')} />
      <form className="kk-form" onSubmit={onSubmit} noValidate>
        {registeredEmail && (
          <p className="kk-notice" role="status">
            {t('login.registered')}
          </p>
        )}
        <FormError>{form.error}</FormError>
        <TextField
          label={t('login.email')}
          defaultValue={registeredEmail}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={form.fieldErrors.email}
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={form.fieldErrors.password}
        />
        <Button type="submit" loading={form.busy}>
          {t('login.submit')}
        </Button>
      </form>
      <p className="kk-form-aside">
        {t('login.noAccount')}{' '}
        <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('login.registerLink')}</Link>
      </p>
    </div>
  );
}

export function RegisterPage() {
  const { t } = useTranslation('core');
  const { register } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const form = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    void form.run(async () => {
      const email = formValue(target, 'email');
      await register({ name: formValue(target, 'name'), email, password: formValue(target, 'password') });
      // The email travels in the router's state, not in the URL (no personal data in addresses or logs).
      navigate(`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`, { replace: true, state: { registeredEmail: email } });
    });
  };
  return (
    <div className="kk-narrow">
      <PageHeader title={t('register.title')} description={t('register.intro')} />
      <form className="kk-form" onSubmit={onSubmit} noValidate>
        <FormError>{form.error}</FormError>
        <TextField label={t('register.name')} name="name" autoComplete="name" required error={form.fieldErrors.name} />
        <TextField
          label={t('register.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={form.fieldErrors.email}
        />
        <TextField
          label={t('register.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t('register.passwordHint')}
          minLength={8}
          required
          error={form.fieldErrors.password}
        />
        <Button type="submit" loading={form.busy}>
          {t('register.submit')}
        </Button>
      </form>
      <p className="kk-form-aside">
        {t('register.haveAccount')}{' '}
        <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('register.loginLink')}</Link>
      </p>
    </div>
  );
}
