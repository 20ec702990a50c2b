/** Disnaker's desk: AK/1 cards to verify and issue, employers to verify, vacancies to moderate, job fairs, exports. */
import { Badge, Button, Card, data, DateText, EmptyState, ErrorState, FormError, Loading, PageHeader, ScrollRow, TextField, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState, type ReactNode } from 'react';
import type { Profile } from '../../schemas/index.js';
import { api } from '../api.js';
import { PencakerNav, useMe, useSalaryText } from '../components/shared.js';
import { useT } from '../translations/index.js';
import { FairsDesk } from './officer-fairs.js';

type Tab = 'cards' | 'employers' | 'vacancies' | 'fairs';

export default function OfficerPage() {
  const t = useT();
  const me = useMe();
  const [tab, setTab] = useState<Tab>('cards');
  const counts = useQuery({ queryKey: ['pencaker', 'officer', 'counts'], queryFn: () => data(api.officer.counts.$get()), enabled: Boolean(me.data?.officer) });
  if (me.isPending) return <Loading />;
  if (!me.data?.officer) {
    return (
      <>
        <PageHeader title={t('officer.title')} />
        <PencakerNav />
        <EmptyState title={t('officer.forbidden')} />
      </>
    );
  }
  const tabs: { id: Tab; label: string }[] = [
    { id: 'cards', label: t('officer.cards', { count: counts.data?.cards ?? 0 }) },
    { id: 'employers', label: t('officer.employers', { count: counts.data?.employers ?? 0 }) },
    { id: 'vacancies', label: t('officer.vacancies', { count: counts.data?.vacancies ?? 0 }) },
    { id: 'fairs', label: t('officer.fairs') },
  ];
  return (
    <>
      <PageHeader title={t('officer.title')} description={t('officer.description')} />
      <PencakerNav />
      {/* One row that scrolls sideways on a phone, not four full-width buttons above the queue. */}
      <ScrollRow label={t('officer.queue')}>
        {tabs.map((item) => (
          <Button key={item.id} variant={tab === item.id ? 'primary' : 'secondary'} aria-pressed={tab === item.id} onClick={() => setTab(item.id)}>
            {item.label}
          </Button>
        ))}
      </ScrollRow>
      {tab === 'cards' && <CardsQueue />}
      {tab === 'employers' && <EmployersQueue />}
      {tab === 'vacancies' && <VacanciesQueue />}
      {tab === 'fairs' && <FairsDesk />}
      <p className="pk-actions">
        <a className="kk-button kk-button--secondary" href="/api/pencaker/officer/statistics.csv">
          {t('officer.exportStats')}
        </a>
        <a className="kk-button kk-button--secondary" href="/api/pencaker/officer/cards.csv">
          {t('officer.exportCards')}
        </a>
      </p>
    </>
  );
}

/** Runs an officer action, then refreshes the queues and counts; shows the problem when it fails. */
function useAction() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: ['pencaker', 'officer'] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  return { run, error, busy };
}

function Queue({ children, error, empty, isEmpty }: { children: ReactNode; error: string | null; empty: string; isEmpty: boolean }) {
  return (
    <>
      <FormError>{error}</FormError>
      {isEmpty ? <EmptyState title={empty} /> : <ul className="pk-list">{children}</ul>}
    </>
  );
}

function CardsQueue() {
  const t = useT();
  const action = useAction();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [open, setOpen] = useState<Profile | null>(null);
  const submitted = useQuery({ queryKey: ['pencaker', 'officer', 'cards', 'submitted'], queryFn: () => data(api.officer.cards.$get({ query: { status: 'submitted' } })) });
  const verified = useQuery({ queryKey: ['pencaker', 'officer', 'cards', 'verified'], queryFn: () => data(api.officer.cards.$get({ query: { status: 'verified' } })) });
  if (submitted.isPending || verified.isPending) return <Loading />;
  if (submitted.isError) return <ErrorState error={submitted.error} />;
  const items = [...(submitted.data?.items ?? []), ...(verified.data?.items ?? [])];
  return (
    <>
      <p className="pk-meta">{t('officer.profileAudited')}</p>
      {open && (
        <Card title={open.fullName}>
          <dl className="pk-facts">
            <dt>{t('profile.nik')}</dt>
            <dd>{open.nik}</dd>
            <dt>{t('profile.birthPlace')}</dt>
            <dd>
              {open.birthPlace}, <DateText value={open.birthDate} />
            </dd>
            <dt>{t('profile.sex')}</dt>
            <dd>{t(`vocab.sex.${open.sex}`)}</dd>
            <dt>{t('profile.religion')}</dt>
            <dd>{t(`vocab.religion.${open.religion}`)}</dd>
            <dt>{t('profile.marital')}</dt>
            <dd>{t(`vocab.marital.${open.maritalStatus}`)}</dd>
            <dt>{t('profile.address')}</dt>
            <dd>
              {open.address}, {open.kecamatan}
            </dd>
            <dt>{t('profile.phone')}</dt>
            <dd>{open.phone}</dd>
            <dt>{t('profile.educationLevel')}</dt>
            <dd>{t(`vocab.education.${open.educationLevel}`)}</dd>
          </dl>
          <Button variant="secondary" onClick={() => setOpen(null)}>
            {t('common.back')}
          </Button>
        </Card>
      )}
      <Queue error={action.error} empty={t('officer.emptyCards')} isEmpty={items.length === 0}>
        {items.map((card) => (
          <li key={card.id} className="pk-application">
            <h2 className="pk-vacancy__title">{card.fullName}</h2>
            <p>
              <Badge tone="info">{t(`vocab.card.${card.status}`)}</Badge> {card.number}
            </p>
            <p className="pk-meta">
              NIK {card.nikMasked} · {t(`vocab.education.${card.educationLevel as 'sma'}`)} · {card.kecamatan} · <DateText value={card.submittedAt} />
            </p>
            <div className="pk-actions">
              <Button variant="secondary" onClick={() => void action.run(`view-${card.id}`, async () => setOpen(await data(api.officer.seekers[':id'].$get({ param: { id: card.seekerId } }))))}>
                {t('officer.viewProfile')}
              </Button>
              {card.status === 'submitted' ? (
                <Button loading={action.busy === `verify-${card.id}`} onClick={() => void action.run(`verify-${card.id}`, () => data(api.officer.cards[':id'].verify.$post({ param: { id: String(card.id) } })))}>
                  {t('officer.verify')}
                </Button>
              ) : (
                <Button loading={action.busy === `activate-${card.id}`} onClick={() => void action.run(`activate-${card.id}`, () => data(api.officer.cards[':id'].activate.$post({ param: { id: String(card.id) } })))}>
                  {t('officer.activate')}
                </Button>
              )}
            </div>
            {card.status === 'submitted' && (
              <div className="pk-inline-form">
                <TextField label={t('officer.reason')} value={reasons[card.id] ?? ''} onChange={(event) => setReasons({ ...reasons, [card.id]: event.target.value })} />
                <Button variant="danger" disabled={(reasons[card.id] ?? '').trim().length < 5} onClick={() => void action.run(`reject-${card.id}`, () => data(api.officer.cards[':id'].reject.$post({ param: { id: String(card.id) }, json: { reason: reasons[card.id]! } })))}>
                  {t('officer.reject')}
                </Button>
              </div>
            )}
          </li>
        ))}
      </Queue>
    </>
  );
}

function EmployersQueue() {
  const t = useT();
  const action = useAction();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [trusted, setTrusted] = useState<Record<number, boolean>>({});
  const list = useQuery({ queryKey: ['pencaker', 'officer', 'employers', 'pending'], queryFn: () => data(api.officer.employers.$get({ query: { status: 'pending' } })) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} />;
  return (
    <Queue error={action.error} empty={t('officer.emptyEmployers')} isEmpty={list.data.items.length === 0}>
      {list.data.items.map((employer) => (
        <li key={employer.id} className="pk-application">
          <h2 className="pk-vacancy__title">{employer.name}</h2>
          <p className="pk-meta">
            NIB {employer.nib} · NPWP {employer.npwp} · {t(`vocab.sector.${employer.sector}`)} · {employer.kecamatan}
          </p>
          <p className="pk-meta">
            {employer.contactName} · {employer.contactPhone} · {employer.contactEmail}
          </p>
          <label className="pk-check">
            <input type="checkbox" checked={trusted[employer.id] ?? false} onChange={(event) => setTrusted({ ...trusted, [employer.id]: event.target.checked })} />
            {t('officer.trusted')}
          </label>
          <div className="pk-actions">
            <Button onClick={() => void action.run(`verify-${employer.id}`, () => data(api.officer.employers[':id'].verify.$post({ param: { id: String(employer.id) }, json: { trusted: trusted[employer.id] ?? false } })))}>
              {t('officer.verify')}
            </Button>
          </div>
          <div className="pk-inline-form">
            <TextField label={t('officer.reason')} value={reasons[employer.id] ?? ''} onChange={(event) => setReasons({ ...reasons, [employer.id]: event.target.value })} />
            <Button variant="danger" disabled={(reasons[employer.id] ?? '').trim().length < 5} onClick={() => void action.run(`reject-${employer.id}`, () => data(api.officer.employers[':id'].reject.$post({ param: { id: String(employer.id) }, json: { reason: reasons[employer.id]! } })))}>
              {t('officer.reject')}
            </Button>
          </div>
        </li>
      ))}
    </Queue>
  );
}

function VacanciesQueue() {
  const t = useT();
  const action = useAction();
  const salary = useSalaryText();
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const list = useQuery({ queryKey: ['pencaker', 'officer', 'vacancies'], queryFn: () => data(api.officer.vacancies.$get({ query: {} })) });
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} />;
  return (
    <Queue error={action.error} empty={t('officer.emptyVacancies')} isEmpty={list.data.items.length === 0}>
      {list.data.items.map((vacancy) => (
        <li key={vacancy.id} className="pk-application">
          <h2 className="pk-vacancy__title">{vacancy.title}</h2>
          <p>
            {vacancy.employer.name} {vacancy.employer.verified ? <Badge tone="success">{t('search.verified')}</Badge> : <Badge tone="warning">{t('vocab.employer.pending')}</Badge>}
          </p>
          <p className="pk-meta">
            {vacancy.kecamatan} · {salary(vacancy)} · {t('employer.revision', { revision: vacancy.revision })}
          </p>
          <details>
            <summary>{t('employer.vacancyDescription')}</summary>
            <p className="pk-pre">{vacancy.description}</p>
          </details>
          <div className="pk-actions">
            <Button onClick={() => void action.run(`publish-${vacancy.id}`, () => data(api.officer.vacancies[':id'].publish.$post({ param: { id: String(vacancy.id) } })))}>{t('officer.publish')}</Button>
          </div>
          <div className="pk-inline-form">
            <TextField label={t('officer.reason')} value={reasons[vacancy.id] ?? ''} onChange={(event) => setReasons({ ...reasons, [vacancy.id]: event.target.value })} />
            <Button variant="danger" disabled={(reasons[vacancy.id] ?? '').trim().length < 5} onClick={() => void action.run(`reject-${vacancy.id}`, () => data(api.officer.vacancies[':id'].reject.$post({ param: { id: String(vacancy.id) }, json: { reason: reasons[vacancy.id]! } })))}>
              {t('officer.returnVacancy')}
            </Button>
          </div>
        </li>
      ))}
    </Queue>
  );
}
