import { useState, type FormEvent } from 'react';
import { ApiError } from './api.js';
import { Button, Card, Loading, PageHeader, TextField } from './components.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Icon } from './icons.js';
import { Link } from './router.js';
import { useSession } from './session.js';
import { useTranslation } from './translator.js';

/**
 * "Akun saya": the signed-in person's account and their rights over its data (UU PDP 27/2022) — download
 * everything kept about it, and delete it (citizens; officers' accounts are closed by the region's admin).
 */
export default function AccountPage() {
  const { t } = useTranslation('core');
  const { user, isLoading, signOut, isSigningOut } = useSession();
  const [deleted, setDeleted] = useState(false);
  if (deleted) {
    return (
      <div className="kk-narrow">
        <PageHeader title={t('accountPage.deleted.title')} description={t('accountPage.deleted.body')} />
        <p role="status" className="kk-notice">
          {t('accountPage.deleted.status')}
        </p>
        <Link to="/">{t('notFound.back')}</Link>
      </div>
    );
  }
  if (isLoading) return <Loading />;
  if (!user) {
    return (
      <div className="kk-narrow">
        <PageHeader title={t('accountPage.title')} description={t('accountPage.signInFirst')} />
        <Link className="kk-button kk-button--primary" to={`/login?next=${encodeURIComponent('/account')}`}>
          {t('account.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="kk-narrow kk-account-page">
      <PageHeader title={t('accountPage.title')} description={t('accountPage.intro')} />
      <Card title={user.name}>
        <dl className="kk-account-facts">
          <dt>{t('accountPage.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('accountPage.kind')}</dt>
          <dd>{t(`admin.kinds.${user.kind}`)}</dd>
        </dl>
        <Button variant="secondary" className="kk-account-page__signout" loading={isSigningOut} onClick={() => void signOut()}>
          {t('account.signOut')}
        </Button>
      </Card>
      <Card title={t('accountPage.data.title')}>
        <p>{t('accountPage.data.body')}</p>
        {/* A plain link: the server sends the file as a download with the session cookie, no script needed. */}
        <a className="kk-button kk-button--secondary" href="/api/auth/account/data" download>
          <Icon name="download" /> {t('accountPage.data.download')}
        </a>
      </Card>
      <Card title={t('accountPage.delete.title')}>
        {user.kind === 'citizen' ? <DeleteAccount onDeleted={() => setDeleted(true)} /> : <p>{t('accountPage.delete.officer')}</p>}
      </Card>
    </div>
  );
}

function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation('core');
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
      <p>{t('accountPage.delete.body')}</p>
      <TextField
        label={t('accountPage.delete.password')}
        hint={t('accountPage.delete.passwordHint')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={passwordError}
      />
      <Button type="submit" variant="danger">
        {t('accountPage.delete.submit')}
      </Button>
      <ConfirmDialog
        open={confirming}
        destructive
        title={t('accountPage.delete.confirmTitle')}
        confirmLabel={t('accountPage.delete.confirm')}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('accountPage.delete.confirmBody')}</p>
      </ConfirmDialog>
    </form>
  );
}
