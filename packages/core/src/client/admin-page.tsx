import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useQuery } from './query.js';
import { useState, type FormEvent } from 'react';
import { adminTranslations } from './admin-translations.js';
import { usePageTranslations } from './translator.js';
import { Link } from './router.js';
import type { RoleGrant, SessionUser } from '../types.js';
import { apiFetch, ApiError } from './api.js';
import { Badge, Button, Card, Dialog, EmptyState, ErrorState, FormError, Loading, PageHeader, SelectField, Table, TextField } from './components.js';
import { useBootstrap } from './context.js';
import { formatDate } from './format.js';
import { useSession } from './session.js';

interface RoleInfo {
  module: string;
  role: string;
  description: string;
  agencyScoped: boolean;
}

interface AuditEntry {
  id: number;
  at: string;
  actorName: string | null;
  module: string;
  action: string;
  subjectType: string;
  subjectId: string;
  agencyId: string | null;
  before: unknown;
  after: unknown;
}

const grantKey = (grant: RoleGrant) => `${grant.module}:${grant.role}:${grant.agencyId ?? ''}`;

/** Region admin: officer accounts, their module roles per agency, and the audit log. */
export default function AdminPage() {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const { user, isLoading } = useSession();
  if (isLoading) return <Loading />;
  if (!user || user.kind !== 'admin') {
    return (
      <>
        <PageHeader title={t('admin.title')} />
        <EmptyState title={t('admin.onlyAdmins')} action={user ? undefined : <Link to="/login?next=/admin">{t('account.signIn')}</Link>} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <UsersSection />
      <AuditSection />
    </>
  );
}

function useRoles() {
  return useQuery({ queryKey: ['core', 'admin', 'roles'], queryFn: () => apiFetch<{ roles: RoleInfo[] }>('/api/admin/roles') });
}

function UsersSection() {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const { region } = useBootstrap();
  const users = useQuery({ queryKey: ['core', 'admin', 'users'], queryFn: () => apiFetch<{ users: SessionUser[] }>('/api/admin/users') });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<SessionUser | null>(null);
  const agencyName = (id: string | null) => region.agencies.find((agency) => agency.id === id)?.shortName ?? '—';

  return (
    <Card title={t('admin.users.title')}>
      <p>
        <Button onClick={() => setCreating(true)}>{t('admin.users.add')}</Button>
      </p>
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <Table
          caption={t('admin.users.caption')}
          rows={users.data.users}
          rowKey={(row) => row.id}
          columns={[
            { key: 'name', header: t('admin.users.name'), render: (row) => row.name },
            { key: 'email', header: t('admin.users.email'), render: (row) => row.email },
            { key: 'kind', header: t('admin.users.kind'), render: (row) => <Badge tone={row.kind === 'admin' ? 'info' : 'neutral'}>{t(`admin.kinds.${row.kind}`)}</Badge> },
            { key: 'agency', header: t('admin.users.agency'), render: (row) => agencyName(row.agencyId) },
            {
              key: 'roles',
              header: t('admin.users.roles'),
              render: (row) =>
                row.roles.length === 0 ? '—' : row.roles.map((grant) => `${grant.module}:${grant.role}${grant.agencyId ? ` (${agencyName(grant.agencyId)})` : ''}`).join(', '),
            },
            {
              key: 'actions',
              header: <span className="kk-visually-hidden">{t('admin.users.actions')}</span>,
              render: (row) => (
                <Button variant="secondary" onClick={() => setEditing(row)}>
                  {t('admin.users.editRoles')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
      {editing && <RolesDialog user={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function RoleChecklist({ value, onChange, defaultAgency }: { value: RoleGrant[]; onChange: (grants: RoleGrant[]) => void; defaultAgency: string | null }) {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const { region } = useBootstrap();
  const roles = useRoles();
  if (roles.isPending) return <Loading />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  if (roles.data.roles.length === 0) return <p>{t('admin.roles.none')}</p>;
  return (
    <fieldset className="kk-fieldset">
      <legend>{t('admin.users.roles')}</legend>
      {roles.data.roles.map((role) => {
        const current = value.find((grant) => grant.module === role.module && grant.role === role.role);
        const id = `kk-role-${role.module}-${role.role}`;
        return (
          <div key={`${role.module}:${role.role}`} className="kk-role-row">
            <label htmlFor={id} className="kk-check">
              <input
                id={id}
                type="checkbox"
                checked={Boolean(current)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...value, { module: role.module, role: role.role, agencyId: role.agencyScoped ? defaultAgency ?? region.agencies[0]?.id ?? null : null }]
                      : value.filter((grant) => grant !== current),
                  )
                }
              />
              <span>
                <strong>
                  {role.module}: {role.role}
                </strong>
                <br />
                <small>{role.description}</small>
              </span>
            </label>
            {current && role.agencyScoped && (
              <SelectField
                label={t('admin.users.agency')}
                value={current.agencyId ?? ''}
                options={region.agencies.map((agency) => ({ value: agency.id, label: agency.shortName }))}
                onChange={(event) => onChange(value.map((grant) => (grant === current ? { ...grant, agencyId: event.target.value } : grant)))}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const { region } = useBootstrap();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '', kind: 'officer', agencyId: region.agencies[0]?.id ?? '' });
  const [roles, setRoles] = useState<RoleGrant[]>([]);
  const create = useMutation({
    mutationFn: () =>
      apiFetch('/api/admin/users', { method: 'POST', body: { ...form, agencyId: form.kind === 'officer' ? form.agencyId : form.agencyId || null, roles } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['core', 'admin'] });
      onClose();
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('admin.users.add')}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('close')}
          </Button>
          <Button type="submit" form="kk-create-user" loading={create.isPending}>
            {t('admin.save')}
          </Button>
        </>
      }
    >
      <form id="kk-create-user" onSubmit={submit} noValidate>
        {create.error && !Object.keys(errors).length && <FormError>{create.error.message}</FormError>}
        <TextField label={t('admin.users.name')} required value={form.name} error={errors.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        <TextField label={t('admin.users.email')} type="email" required value={form.email} error={errors.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        <TextField
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          error={errors.password}
          onChange={(event) => setForm({ ...form, password: event.target.value })}
        />
        <SelectField
          label={t('admin.users.kind')}
          value={form.kind}
          options={[
            { value: 'officer', label: t('admin.kinds.officer') },
            { value: 'admin', label: t('admin.kinds.admin') },
          ]}
          onChange={(event) => setForm({ ...form, kind: event.target.value })}
        />
        <SelectField
          label={t('admin.users.agency')}
          value={form.agencyId}
          error={errors.agencyId}
          options={region.agencies.map((agency) => ({ value: agency.id, label: `${agency.shortName} — ${agency.name}` }))}
          onChange={(event) => setForm({ ...form, agencyId: event.target.value })}
        />
        <RoleChecklist value={roles} onChange={setRoles} defaultAgency={form.agencyId || null} />
      </form>
    </Dialog>
  );
}

function RolesDialog({ user, onClose }: { user: SessionUser; onClose: () => void }) {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<RoleGrant[]>(user.roles);
  const save = useMutation({
    mutationFn: () => apiFetch(`/api/admin/users/${user.id}/roles`, { method: 'PUT', body: { roles } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['core', 'admin'] });
      onClose();
    },
  });
  const changed = roles.map(grantKey).sort().join() !== user.roles.map(grantKey).sort().join();
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('admin.users.rolesOf', { name: user.name })}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('close')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!changed}>
            {t('admin.save')}
          </Button>
        </>
      }
    >
      {save.error && <FormError>{save.error.message}</FormError>}
      <RoleChecklist value={roles} onChange={setRoles} defaultAgency={user.agencyId} />
    </Dialog>
  );
}

function AuditSection() {
  const { t } = usePageTranslations('core-admin', adminTranslations);
  const [module, setModule] = useState('');
  const audit = useQuery({
    queryKey: ['core', 'admin', 'audit', module],
    queryFn: () => apiFetch<{ entries: AuditEntry[] }>(`/api/admin/audit?limit=100${module ? `&module=${encodeURIComponent(module)}` : ''}`),
  });
  const { modules } = useBootstrap();
  return (
    <Card title={t('admin.audit.title')}>
      <p>{t('admin.audit.description')}</p>
      <SelectField
        label={t('admin.audit.module')}
        value={module}
        options={[{ value: '', label: t('admin.audit.allModules') }, { value: 'core', label: 'core' }, ...modules.map((item) => ({ value: item.id, label: item.id }))]}
        onChange={(event) => setModule(event.target.value)}
      />
      {audit.isPending && <Loading />}
      {audit.isError && <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && audit.data.entries.length === 0 && <EmptyState title={t('admin.audit.empty')} />}
      {audit.data && audit.data.entries.length > 0 && (
        <Table
          caption={t('admin.audit.caption')}
          rows={audit.data.entries}
          rowKey={(row) => row.id}
          columns={[
            { key: 'at', header: t('admin.audit.at'), render: (row) => formatDate(row.at, { dateStyle: 'medium', timeStyle: 'short' }) },
            { key: 'who', header: t('admin.audit.who'), render: (row) => row.actorName ?? t('admin.audit.system') },
            { key: 'what', header: t('admin.audit.what'), render: (row) => `${row.module} · ${row.action}` },
            { key: 'subject', header: t('admin.audit.subject'), render: (row) => `${row.subjectType} ${row.subjectId}` },
            {
              key: 'change',
              header: t('admin.audit.change'),
              render: (row) => (
                <details>
                  <summary>{t('admin.audit.show')}</summary>
                  <pre className="kk-pre">{JSON.stringify({ before: row.before, after: row.after }, null, 2)}</pre>
                </details>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
