import { useState, type FormEvent } from 'react';
import { ApiError } from './api.js';
import { Button, Card, Loading, PageHeader, TextField } from './components.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Icon } from './icons.js';
import { Link } from './router.js';
import { useSession } from './session.js';
import { accountTranslations } from './account-translations.js';
import { usePageTranslations } from './translator.js';

/**
 * "Akun saya": the signed-in person's account and their rights over its data (UU PDP 27/2022) — download
 * everything kept about it, and delete it (citizens; officers' accounts are closed by the region's admin).
 */
export default function AccountPage() {
  const { t } = usePageTranslations('core-account', accountTranslations);
  const { user, isLoading, signOut, isSigningOut } = useSession();
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <div className="kk-narrow">
        <PageHeader title={t('deleted.title')} description={t('deleted.body')} />
        <p role="status" className="kk-notice">
          {t('deleted.status')}
        </p>
        <Link to="/">{t('notFound.back')}</Link>
      </div>
    );
  }
  if (isLoading) return <Loading />;
  if (!user) {
    return (
      <div className="kk-narrow">
        <PageHeader title={t('title')} description={t('signInFirst')} />
        <Link className="kk-button kk-button--primary" to={`/login?next=${encodeURIComponent('/account')}`}>
          {t('account.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="kk-narrow kk-account-page">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card title={user.name}>
        <dl className="kk-account-facts">
          <dt>{t('email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('kind')}</dt>
          <dd>{t(`admin.kinds.${user.kind}`)}</dd>
        </dl>
        <Button variant="secondary" className="kk-account-page__signout" loading={isSigningOut} onClick={() => void signOut()}>
          {t('account.signOut')}
        </Button>
      </Card>
      <Card title={t('data.title')}>
        <p>{t('data.body')}</p>
        {/* A plain link: the server sends the file as a download with the session cookie, no script needed. */}
        <a className="kk-button kk-button--secondary" href="/api/auth/account/data" download>
          <Icon name="download" /> {t('data.download')}
        </a>
      </Card>
      <Card title={t('delete.title')}>
        {user.kind === 'citizen' ? <DeleteAccount onDeleted={() => setDeleted(true)} /> : <p>{t('delete.officer')}</p>}
      </Card>
    </div>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const { t } = usePageTranslations('core-account', accountTranslations);
  const { deleteAccount } = useSession();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password) {
      setPasswordError(t('required'));
      return;
    }
    setPasswordError(undefined);
    setConfirming(true);
  };
  const confirm = async () => {
    try {
      await deleteAccount(password);
      onDeleted();
    } catch (error) {
      // A wrong password belongs next to its field; anything else (a service that must keep the account, too many
      // tries, no connection) is said in the dialog, which stays open.
      if (error instanceof ApiError && error.fieldErrors.password) {
        setPasswordError(error.fieldErrors.password);
        setConfirming(false);
        return;
      }
      throw error;
    }
  };
  return (
    <form className="kk-form" onSubmit={onSubmit} noValidate>
      <p>{t('delete.body')}</p>
      <TextField
        label={t('delete.password')}
        hint={t('delete.passwordHint')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={passwordError}
      />
      <Button type="submit" variant="danger">
        {t('delete.submit')}
      </Button>
      <ConfirmDialog
        open={confirming}
        destructive
        title={t('delete.confirmTitle')}
        confirmLabel={t('delete.confirm')}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('delete.confirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
