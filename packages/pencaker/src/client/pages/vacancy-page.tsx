/** One vacancy: everything a seeker needs to decide, and applying with the profile (optionally the CV). */
import { ApiError, Badge, Button, Card, data, DateText, ErrorState, FormError, Link, Loading, PageHeader, TextArea, useApiForm, useParams, useQuery } from '@kota-kit/core/client';
import { useState } from 'react';
import { api } from '../api.js';
import { PencakerNav, TypeText, useMe, useSalaryText } from '../components/shared.js';
import { useT } from '../translations/index.js';

export default function VacancyPage() {
  const t = useT();
  const { id = '' } = useParams();
  const salary = useSalaryText();
  const vacancy = useQuery({ queryKey: ['pencaker', 'vacancy', id], queryFn: () => data(api.vacancies[':id'].$get({ param: { id } })), retry: false });
  if (vacancy.isPending) return <Loading />;
  if (vacancy.isError) {
    const missing = vacancy.error instanceof ApiError && (vacancy.error.status === 404 || vacancy.error.status === 400);
    return (
      <>
        <PageHeader title={missing ? t('detail.notFound') : t('search.title')} />
        {!missing && <ErrorState error={vacancy.error} onRetry={() => void vacancy.refetch()} />}
        <Link className="pk-link-block" to="/pencaker">
          {t('detail.back')}
        </Link>
      </>
    );
  }
  const item = vacancy.data;
  const open = item.status === 'published';
  return (
    <>
      <PageHeader title={item.title} description={item.employer.name} />
      <PencakerNav />
      {!open && (
        <p className="pk-notice" role="status">
          {t('detail.gone', { status: t(`vocab.vacancy.${item.status}`) })}
        </p>
      )}
      <Card title={t('detail.employer')}>
        {item.employer.logoUrl && <img className="pk-logo" src={item.employer.logoUrl} alt={`Logo ${item.employer.name}`} width={64} height={64} />}
        <p>
          {item.employer.name} {item.employer.verified && <Badge tone="success">{t('search.verified')}</Badge>}
        </p>
        <dl className="pk-facts">
          <dt>{t('detail.location')}</dt>
          <dd>
            {item.address}, {item.kecamatan}
          </dd>
          <dt>{t('detail.salary')}</dt>
          <dd>{salary(item)}</dd>
          <dt>{t('detail.type')}</dt>
          <dd>
            <TypeText type={item.employmentType} />
          </dd>
          <dt>{t('detail.education')}</dt>
          <dd>{t(`vocab.education.${item.educationMin}`)}</dd>
          <dt>{t('detail.experience')}</dt>
          <dd>{item.experienceYears ? t('detail.experienceYears', { count: item.experienceYears }) : t('detail.noExperience')}</dd>
          <dt>{t('detail.openings')}</dt>
          <dd>{item.openings}</dd>
          <dt>{t('detail.validThrough')}</dt>
          <dd>
            <DateText value={item.validThrough} />
          </dd>
          {item.skills.length > 0 && (
            <>
              <dt>{t('detail.skills')}</dt>
              <dd>{item.skills.join(', ')}</dd>
            </>
          )}
        </dl>
      </Card>
      <div className="pk-description">
        {item.description.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      {open && <ApplyBox vacancyId={item.id} />}
      <Link className="pk-link-block" to="/pencaker">
        {t('detail.back')}
      </Link>
    </>
  );
}

function ApplyBox({ vacancyId }: { vacancyId: number }) {
  const t = useT();
  const me = useMe();
  const [sent, setSent] = useState(false);
  const profile = useQuery({ queryKey: ['pencaker', 'profile'], queryFn: () => data(api.me.profile.$get()), enabled: Boolean(me.data?.seeker?.hasProfile) });
  const form = useApiForm({
    initial: { coverLetter: '', withCv: '' },
    submit: (values) => data(api.vacancies[':id'].applications.$post({ param: { id: String(vacancyId) }, json: { coverLetter: values.coverLetter, withCv: values.withCv === 'yes' } })),
    onSuccess: () => setSent(true),
  });
  if (!me.data) return null;
  if (!me.data.signedIn) {
    return (
      <Card title={t('detail.applyTitle')}>
        <Link className="kk-button kk-button--primary" to={`/login?next=${encodeURIComponent(`/pencaker/lowongan/${vacancyId}`)}`}>
          {t('detail.signIn')}
        </Link>
      </Card>
    );
  }
  if (!me.data.seeker?.hasProfile) {
    return (
      <Card title={t('detail.applyTitle')}>
        <p>{t('detail.needProfile')}</p>
        <Link className="kk-button kk-button--primary" to="/pencaker/profil">
          {t('detail.toProfile')}
        </Link>
      </Card>
    );
  }
  if (sent) {
    return (
      <Card title={t('detail.applyTitle')}>
        <p role="status">{t('detail.applied')}</p>
        <Link to="/pencaker/lamaran">{t('menu.applications')}</Link>
      </Card>
    );
  }
  return (
    <Card title={t('detail.applyTitle')}>
      <form onSubmit={form.onSubmit} noValidate>
        <FormError>{form.formError}</FormError>
        <TextArea label={t('detail.coverLetter')} rows={3} {...form.field('coverLetter')} />
        {profile.data?.profile?.cv && (
          <label className="pk-check">
            <input type="checkbox" checked={form.values.withCv === 'yes'} onChange={(event) => form.setValue('withCv', event.target.checked ? 'yes' : '')} />
            {t('detail.withCv')}
          </label>
        )}
        <Button type="submit" loading={form.submitting}>
          {t('detail.send')}
        </Button>
      </form>
    </Card>
  );
}
