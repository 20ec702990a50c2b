/** The employer's dashboard: register the organisation, its verification, its vacancies (write, edit, submit, close, filled). */
import { Badge, Button, Card, data, EmptyState, FormError, Link, Loading, PageHeader, SelectField, TextArea, TextField, useApiForm, useBootstrap, useQuery, useQueryClient, useSession } from '@kota-kit/core/client';
import { useState } from 'react';
import type { Employer, OwnVacancy, VacancyInput } from '../../schemas/index.js';
import { educationLevels, employmentTypes, salaryUnits, sectors } from '../../schemas/vocabulary.js';
import { api } from '../api.js';
import { meKey, PencakerNav, useSalaryText } from '../components/shared.js';
import { useT } from '../translations/index.js';

export default function EmployerPage() {
  const t = useT();
  const { user } = useSession();
  const employer = useQuery({ queryKey: ['pencaker', 'employer'], queryFn: () => data(api.employer.$get()), enabled: Boolean(user) });
  return (
    <>
      <PageHeader title={t('employer.title')} description={t('employer.description')} />
      <PencakerNav />
      {!user ? (
        <Card title={t('employer.register')}>
          <p>{t('employer.signIn')}</p>
          <Link className="kk-button kk-button--primary" to="/login?next=%2Fpencaker%2Fperusahaan">
            {t('detail.signIn')}
          </Link>
        </Card>
      ) : employer.isPending ? (
        <Loading />
      ) : employer.data?.employer ? (
        <Dashboard employer={employer.data.employer} />
      ) : (
        <RegisterForm />
      )}
    </>
  );
}

function RegisterForm() {
  const t = useT();
  const { region } = useBootstrap();
  const queryClient = useQueryClient();
  const form = useApiForm({
    initial: { name: '', nib: '', npwp: '', sector: '', address: '', kecamatan: '', contactName: '', contactPhone: '', contactEmail: '', website: '', description: '' },
    submit: (values) => data(api.employer.$post({ json: { ...values, website: values.website || undefined } as never })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pencaker'] });
    },
  });
  const choose = { value: '', label: t('profile.choose') };
  return (
    <Card title={t('employer.register')}>
      <form onSubmit={form.onSubmit} noValidate>
        <FormError>{form.formError}</FormError>
        <TextField label={t('employer.name')} required {...form.field('name')} />
        <TextField label={t('employer.nib')} inputMode="numeric" required {...form.field('nib')} />
        <TextField label={t('employer.npwp')} required {...form.field('npwp')} />
        <SelectField label={t('employer.sector')} required options={[choose, ...sectors.map((value) => ({ value, label: t(`vocab.sector.${value}`) }))]} {...form.field('sector')} />
        <TextArea label={t('employer.address')} rows={2} required {...form.field('address')} />
        <SelectField label={t('employer.kecamatan')} required options={[choose, ...(region.geography?.kecamatan ?? []).map((item) => ({ value: item.name, label: item.name }))]} {...form.field('kecamatan')} />
        <TextField label={t('employer.contactName')} required {...form.field('contactName')} />
        <TextField label={t('employer.contactPhone')} type="tel" required {...form.field('contactPhone')} />
        <TextField label={t('employer.contactEmail')} type="email" required {...form.field('contactEmail')} />
        <TextField label={t('employer.website')} type="url" {...form.field('website')} />
        <TextArea label={t('employer.about')} rows={3} {...form.field('description')} />
        <Button type="submit" loading={form.submitting}>
          {t('employer.register')}
        </Button>
      </form>
    </Card>
  );
}

const statusTone = { pending: 'warning', verified: 'success', rejected: 'danger' } as const;

function Dashboard({ employer }: { employer: Employer }) {
  const t = useT();
  const salary = useSalaryText();
  const queryClient = useQueryClient();
  const vacancies = useQuery({ queryKey: ['pencaker', 'own-vacancies'], queryFn: () => data(api.employer.vacancies.$get()) });
  const [editing, setEditing] = useState<OwnVacancy | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filling, setFilling] = useState<number | null>(null);
  const [filledCount, setFilledCount] = useState('1');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['pencaker', 'own-vacancies'] });
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <>
      <Card title={employer.name}>
        <p>
          {t('employer.status')}: <Badge tone={statusTone[employer.status]}>{t(`vocab.employer.${employer.status}`)}</Badge> {employer.trusted && <Badge tone="info">{t('employer.trusted')}</Badge>}
        </p>
        {employer.status !== 'verified' && <p className="pk-meta">{t('employer.pendingNote')}</p>}
        {employer.rejectReason && <p>{t('employer.rejectReason', { reason: employer.rejectReason })}</p>}
        {employer.logoUrl && <img className="pk-logo" src={employer.logoUrl} alt={`Logo ${employer.name}`} width={64} height={64} />}
        <label className="pk-file kk-button kk-button--secondary">
          {t('employer.logo')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const form = new FormData();
              form.set('logo', file);
              void act(async () => {
                const response = await fetch('/api/pencaker/employer/logo', { method: 'PUT', body: form, credentials: 'same-origin' });
                if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { detail?: string }).detail ?? String(response.status));
                await queryClient.invalidateQueries({ queryKey: ['pencaker', 'employer'] });
              });
            }}
          />
        </label>
      </Card>
      <h2>{t('employer.vacancies')}</h2>
      <FormError>{error}</FormError>
      {editing ? (
        <VacancyForm vacancy={editing === 'new' ? null : editing} onDone={() => void refresh().then(() => setEditing(null))} onCancel={() => setEditing(null)} />
      ) : (
        <Button onClick={() => setEditing('new')}>{t('employer.newVacancy')}</Button>
      )}
      {vacancies.isPending && <Loading />}
      {vacancies.data?.items.length === 0 && <EmptyState title={t('employer.noVacancies')} />}
      <ul className="pk-list" aria-label={t('employer.vacancies')}>
        {vacancies.data?.items.map((vacancy) => (
          <li key={vacancy.id} className="pk-application">
            <h3 className="pk-vacancy__title">{vacancy.title}</h3>
            <p>
              <Badge tone={vacancy.status === 'published' ? 'success' : vacancy.status === 'rejected' ? 'danger' : 'neutral'}>{t(`vocab.vacancy.${vacancy.status}`)}</Badge> · {t('employer.revision', { revision: vacancy.revision })}
            </p>
            <p className="pk-meta">
              {vacancy.kecamatan} · {salary(vacancy)}
            </p>
            {vacancy.rejectReason && vacancy.status === 'rejected' && <p>{t('employer.rejectReason', { reason: vacancy.rejectReason })}</p>}
            <div className="pk-actions">
              <Link className="kk-button kk-button--secondary" to={`/pencaker/perusahaan/lowongan/${vacancy.id}`}>
                {t('employer.applicants', { count: vacancy.applicants })}
              </Link>
              {['draft', 'submitted', 'rejected', 'published'].includes(vacancy.status) && (
                <Button variant="secondary" onClick={() => setEditing(vacancy)}>
                  {t('employer.edit')}
                </Button>
              )}
              {['draft', 'rejected'].includes(vacancy.status) && employer.status === 'verified' && (
                <Button onClick={() => void act(() => data(api.employer.vacancies[':id'].submit.$post({ param: { id: String(vacancy.id) } })))}>{t('employer.submit')}</Button>
              )}
              {vacancy.status === 'published' && (
                <Button variant="secondary" onClick={() => void act(() => data(api.employer.vacancies[':id'].close.$post({ param: { id: String(vacancy.id) } })))}>
                  {t('employer.close')}
                </Button>
              )}
              {['published', 'closed', 'expired'].includes(vacancy.status) && filling !== vacancy.id && (
                <Button variant="secondary" onClick={() => setFilling(vacancy.id)}>
                  {t('employer.filled')}
                </Button>
              )}
            </div>
            {filling === vacancy.id && (
              <div className="pk-inline-form">
                <TextField label={t('employer.filledCount')} inputMode="numeric" value={filledCount} onChange={(event) => setFilledCount(event.target.value)} />
                <Button
                  onClick={() =>
                    void act(async () => {
                      await data(api.employer.vacancies[':id'].filled.$post({ param: { id: String(vacancy.id) }, json: { filledCount: Number(filledCount) || 0 } }));
                      setFilling(null);
                    })
                  }
                >
                  {t('employer.filled')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function VacancyForm({ vacancy, onDone, onCancel }: { vacancy: OwnVacancy | null; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const { region } = useBootstrap();
  const queryClient = useQueryClient();
  const inMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const form = useApiForm({
    initial: {
      title: vacancy?.title ?? '',
      description: vacancy?.description ?? '',
      sector: vacancy?.sector ?? '',
      kecamatan: vacancy?.kecamatan ?? '',
      address: vacancy?.address ?? '',
      employmentType: vacancy?.employmentType ?? 'FULL_TIME',
      educationMin: vacancy?.educationMin ?? 'sma',
      experienceYears: String(vacancy?.experienceYears ?? 0),
      salaryMin: vacancy?.salaryMin ? String(vacancy.salaryMin) : '',
      salaryMax: vacancy?.salaryMax ? String(vacancy.salaryMax) : '',
      salaryUnit: vacancy?.salaryUnit ?? 'MONTH',
      openings: String(vacancy?.openings ?? 1),
      skills: vacancy?.skills.join(', ') ?? '',
      validThrough: vacancy?.validThrough ?? inMonth,
    },
    submit: (values) => {
      const json: VacancyInput = {
        ...values,
        sector: values.sector as VacancyInput['sector'],
        employmentType: values.employmentType as VacancyInput['employmentType'],
        educationMin: values.educationMin as VacancyInput['educationMin'],
        salaryUnit: values.salaryUnit as VacancyInput['salaryUnit'],
        experienceYears: Number(values.experienceYears) || 0,
        salaryMin: values.salaryMin ? Number(values.salaryMin.replace(/\D/g, '')) : null,
        salaryMax: values.salaryMax ? Number(values.salaryMax.replace(/\D/g, '')) : null,
        openings: Number(values.openings) || 1,
        skills: values.skills.split(',').map((skill) => skill.trim()).filter(Boolean),
      };
      return vacancy ? data(api.employer.vacancies[':id'].$put({ param: { id: String(vacancy.id) }, json })) : data(api.employer.vacancies.$post({ json }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meKey });
      onDone();
    },
  });
  const choose = { value: '', label: t('profile.choose') };
  return (
    <Card title={vacancy ? t('employer.editVacancy') : t('employer.newVacancy')}>
      <form onSubmit={form.onSubmit} noValidate>
        <FormError>{form.formError}</FormError>
        <TextField label={t('employer.vacancyTitle')} required {...form.field('title')} />
        <TextArea label={t('employer.vacancyDescription')} rows={6} required {...form.field('description')} />
        <SelectField label={t('employer.sector')} required options={[choose, ...sectors.map((value) => ({ value, label: t(`vocab.sector.${value}`) }))]} {...form.field('sector')} />
        <SelectField label={t('employer.kecamatan')} required options={[choose, ...(region.geography?.kecamatan ?? []).map((item) => ({ value: item.name, label: item.name }))]} {...form.field('kecamatan')} />
        <TextArea label={t('employer.address')} rows={2} required {...form.field('address')} />
        <SelectField label={t('employer.employmentType')} options={employmentTypes.map((value) => ({ value, label: t(`vocab.type.${value}`) }))} {...form.field('employmentType')} />
        <SelectField label={t('employer.educationMin')} options={educationLevels.map((value) => ({ value, label: t(`vocab.education.${value}`) }))} {...form.field('educationMin')} />
        <TextField label={t('employer.experienceYears')} inputMode="numeric" {...form.field('experienceYears')} />
        <TextField label={t('employer.salaryMin')} inputMode="numeric" {...form.field('salaryMin')} />
        <TextField label={t('employer.salaryMax')} inputMode="numeric" {...form.field('salaryMax')} />
        <SelectField label={t('employer.salaryUnit')} options={salaryUnits.map((value) => ({ value, label: t(`vocab.unit.${value}`) }))} {...form.field('salaryUnit')} />
        <TextField label={t('employer.openings')} inputMode="numeric" {...form.field('openings')} />
        <TextField label={t('employer.skills')} {...form.field('skills')} />
        <TextField label={t('employer.validThrough')} type="date" required {...form.field('validThrough')} />
        <div className="pk-actions">
          <Button type="submit" loading={form.submitting}>
            {t('employer.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('employer.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
