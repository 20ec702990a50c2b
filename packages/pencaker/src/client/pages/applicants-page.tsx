/** Applicants of one of the employer's vacancies: profile and contact, CV if sent, and the stage steps. */
import { Badge, Button, Card, data, EmptyState, ErrorState, FormError, Link, Loading, PageHeader, TextField, useParams, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState } from 'react';
import type { Applicant } from '../../schemas/index.js';
import { api } from '../api.js';
import { PencakerNav, useDateTime } from '../components/shared.js';
import { useT } from '../translations/index.js';

export default function ApplicantsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const list = useQuery({ queryKey: ['pencaker', 'applicants', id], queryFn: () => data(api.employer.vacancies[':id'].applicants.$get({ param: { id } })), retry: false });
  return (
    <>
      <PageHeader title={list.data ? t('applicants.title', { title: list.data.vacancyTitle }) : t('applicants.list')} />
      <PencakerNav />
      <p>
        <Link to="/pencaker/perusahaan">{t('applicants.back')}</Link> · <a href={`/api/pencaker/employer/vacancies/${id}/applicants.csv`}>{t('applicants.csv')}</a>
      </p>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState title={t('applicants.empty')} />
        ) : (
          <ul className="pk-list" aria-label={t('applicants.list')}>
            {list.data.items.map((applicant) => (
              <ApplicantItem key={applicant.id} applicant={applicant} vacancyId={id} />
            ))}
          </ul>
        ))}
    </>
  );
}

function ApplicantItem({ applicant, vacancyId }: { applicant: Applicant; vacancyId: string }) {
  const t = useT();
  const dateTime = useDateTime();
  const queryClient = useQueryClient();
  const [inviting, setInviting] = useState(false);
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const move = async (json: Parameters<(typeof api.employer.applications)[':id']['stage']['$post']>[0]['json']) => {
    setBusy(true);
    setError(null);
    try {
      await data(api.employer.applications[':id'].stage.$post({ param: { id: String(applicant.id) }, json }));
      setInviting(false);
      await queryClient.invalidateQueries({ queryKey: ['pencaker', 'applicants', vacancyId] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const profile = applicant.profile;
  const open = ['received', 'shortlisted', 'interview'].includes(applicant.stage);
  return (
    <li className="pk-application">
      <h2 className="pk-vacancy__title">{profile?.fullName ?? t('applicants.withdrawnNote')}</h2>
      <p>
        <Badge tone={applicant.stage === 'hired' ? 'success' : applicant.stage === 'rejected' ? 'danger' : 'info'}>{t(`vocab.stage.${applicant.stage}`)}</Badge>
      </p>
      {profile && (
        <>
          <p className="pk-meta">
            {t(`vocab.education.${profile.educationLevel}`)} · {t('applicants.age', { band: profile.ageBand })} · {profile.kecamatan}
          </p>
          <p>
            {t('applicants.contact')}: <a href={`tel:${profile.phone.replace(/\s/g, '')}`}>{profile.phone}</a> · <a href={`mailto:${profile.email}`}>{profile.email}</a>
          </p>
          {profile.skills.length > 0 && <p className="pk-meta">{profile.skills.join(', ')}</p>}
          {applicant.coverLetter && <blockquote className="pk-quote">{applicant.coverLetter}</blockquote>}
          {applicant.withCv && <a href={`/api/pencaker/employer/applications/${applicant.id}/cv`}>{t('applicants.cv')}</a>}
        </>
      )}
      {applicant.interview && (
        <p className="pk-interview">
          {t('applications.interview', { place: applicant.interview.place, at: dateTime(applicant.interview.at) })}
        </p>
      )}
      <FormError>{error}</FormError>
      {open && (
        <div className="pk-actions">
          {applicant.stage === 'received' && (
            <Button variant="secondary" loading={busy} onClick={() => void move({ stage: 'shortlisted' })}>
              {t('applicants.shortlist')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setInviting(true)}>
            {t('applicants.invite')}
          </Button>
          {applicant.stage !== 'received' && (
            <Button loading={busy} onClick={() => void move({ stage: 'hired' })}>
              {t('applicants.hire')}
            </Button>
          )}
          <Button variant="danger" loading={busy} onClick={() => void move({ stage: 'rejected' })}>
            {t('applicants.reject')}
          </Button>
        </div>
      )}
      {inviting && (
        <Card title={t('applicants.invite')} headingLevel={3}>
          <TextField label={t('applicants.interviewAt')} type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
          <TextField label={t('applicants.interviewPlace')} value={place} onChange={(event) => setPlace(event.target.value)} />
          <Button loading={busy} disabled={!at || !place.trim()} onClick={() => void move({ stage: 'interview', at: `${at.length === 16 ? `${at}:00` : at}+07:00`, place })}>
            {t('applicants.send')}
          </Button>
        </Card>
      )}
    </li>
  );
}
