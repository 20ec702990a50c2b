/** Disnaker's job fairs on the officer desk: the planned fairs, and the form that plans or changes one. */
import { ApiError, Button, Card, data, DateText, ErrorState, FormError, Link, Loading, SelectField, TextArea, TextField, useBootstrap, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

/** Disnaker's job fairs: the planned ones with "Ubah", and one form to plan a new fair or change one. */
export function FairsDesk() {
  const t = useT();
  const fairs = useQuery({ queryKey: ['pencaker', 'fairs'], queryFn: () => data(api.fairs.$get()) });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const open = (target: number | 'new') => {
    setSaved(null);
    setEditing(target);
  };
  return (
    <>
      {saved && (
        <p role="status" className="kk-notice">
          {t('officer.fairSavedNamed', { title: saved })}
        </p>
      )}
      {editing === null ? (
        <p className="pk-actions">
          <Button onClick={() => open('new')}>{t('officer.newFair')}</Button>
        </p>
      ) : editing === 'new' ? (
        <FairForm
          onDone={(title) => {
            setEditing(null);
            setSaved(title);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <EditFair
          id={editing}
          onDone={(title) => {
            setEditing(null);
            setSaved(title);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <Card title={t('officer.fairList')}>
        {fairs.isPending && <Loading />}
        {fairs.isError && <ErrorState error={fairs.error} onRetry={() => void fairs.refetch()} />}
        {fairs.data && fairs.data.items.length === 0 && <p>{t('fairs.empty')}</p>}
        {fairs.data && fairs.data.items.length > 0 && (
          <ul className="pk-list">
            {fairs.data.items.map((fair) => (
              <li key={fair.id} className="pk-application pk-fair">
                <strong>{fair.title}</strong>
                <span>
                  <DateText value={fair.startsOn} /> – <DateText value={fair.endsOn} /> · {fair.place}, {fair.kecamatan}
                </span>
                <span>{t('officer.fairEmployersCount', { count: fair.employers })}</span>
                <div className="pk-actions">
                  <Button variant="secondary" aria-label={t('officer.fairEditOf', { title: fair.title })} onClick={() => open(fair.id)}>
                    {t('officer.fairEdit')}
                  </Button>
                  <Link className="kk-button kk-button--secondary" to={`/pencaker/bursa-kerja/${fair.id}`}>
                    {t('officer.fairPublic')}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

interface FairValues {
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  place: string;
  kecamatan: string;
  employerIds: number[];
}

/** Loads a fair, then shows it in the form. */
function EditFair({ id, onDone, onCancel }: { id: number; onDone: (title: string) => void; onCancel: () => void }) {
  const fair = useQuery({ queryKey: ['pencaker', 'fair', String(id)], queryFn: () => data(api.fairs[':id'].$get({ param: { id: String(id) } })) });
  if (fair.isPending) return <Loading />;
  if (fair.isError) return <ErrorState error={fair.error} onRetry={() => void fair.refetch()} />;
  const { title, description, startsOn, endsOn, place, kecamatan, participants } = fair.data;
  const initial = { title, description: description ?? '', startsOn, endsOn, place, kecamatan, employerIds: participants.map((participant) => participant.employer.id) };
  return <FairForm id={id} initial={initial} onDone={onDone} onCancel={onCancel} />;
}

function FairForm({ id, initial, onDone, onCancel }: { id?: number; initial?: FairValues; onDone: (title: string) => void; onCancel: () => void }) {
  const t = useT();
  const { region } = useBootstrap();
  const queryClient = useQueryClient();
  const kecamatan = region.geography?.kecamatan.map((item) => item.name) ?? [];
  const employers = useQuery({ queryKey: ['pencaker', 'officer', 'employers', 'verified'], queryFn: () => data(api.officer.employers.$get({ query: { status: 'verified' } })) });
  const [values, setValues] = useState<FairValues>(initial ?? { title: '', description: '', startsOn: '', endsOn: '', place: '', kecamatan: kecamatan[0] ?? '', employerIds: [] });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: Exclude<keyof FairValues, 'employerIds'>) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    // Said at once, in the visitor's language (the server checks it too).
    if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) {
      setErrors({ endsOn: t('officer.fairEndsBeforeStart') });
      return;
    }
    setErrors({});
    setBusy(true);
    // Only employers still verified can take part: one suspended since the fair was planned is left out.
    const verified = new Set(employers.data?.items.map((employer) => employer.id) ?? values.employerIds);
    const json = { ...values, description: values.description.trim() || undefined, employerIds: values.employerIds.filter((employerId) => verified.has(employerId)) };
    try {
      if (id === undefined) await data(api.officer.fairs.$post({ json }));
      else await data(api.officer.fairs[':id'].$put({ param: { id: String(id) }, json }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['pencaker', 'fairs'] }), queryClient.invalidateQueries({ queryKey: ['pencaker', 'fair'] })]);
      onDone(values.title);
    } catch (caught) {
      if (caught instanceof ApiError && Object.keys(caught.fieldErrors).length > 0) setErrors(caught.fieldErrors);
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const employerError = Object.entries(errors).find(([field]) => field.startsWith('employerIds'))?.[1];
  return (
    <Card title={id === undefined ? t('officer.newFair') : t('officer.editFair')}>
      <form className="kk-form" onSubmit={(event) => void save(event)} noValidate>
        <FormError>{error ?? (Object.keys(errors).length > 0 ? t('officer.fairInvalid') : null)}</FormError>
        <TextField label={t('officer.fairTitle')} value={values.title} onChange={set('title')} required error={errors.title} />
        <TextField label={t('officer.fairStart')} type="date" value={values.startsOn} onChange={set('startsOn')} required error={errors.startsOn} />
        <TextField label={t('officer.fairEnd')} type="date" value={values.endsOn} onChange={set('endsOn')} required error={errors.endsOn} />
        <TextField label={t('officer.fairPlace')} value={values.place} onChange={set('place')} required error={errors.place} />
        {kecamatan.length > 0 ? (
          <SelectField label={t('officer.fairKecamatan')} value={values.kecamatan} onChange={set('kecamatan')} options={kecamatan.map((name) => ({ value: name, label: name }))} required error={errors.kecamatan} />
        ) : (
          <TextField label={t('officer.fairKecamatan')} value={values.kecamatan} onChange={set('kecamatan')} required error={errors.kecamatan} />
        )}
        <TextArea label={t('officer.fairDescription')} value={values.description} onChange={set('description')} error={errors.description} />
        <fieldset className="pk-fieldset">
          <legend>{t('officer.fairEmployers')}</legend>
          {employerError && <p className="kk-field__error">{employerError}</p>}
          {employers.data?.items.map((employer) => (
            <label key={employer.id} className="pk-check">
              <input
                type="checkbox"
                checked={values.employerIds.includes(employer.id)}
                onChange={(event) =>
                  setValues({ ...values, employerIds: event.target.checked ? [...values.employerIds, employer.id] : values.employerIds.filter((employerId) => employerId !== employer.id) })
                }
              />
              {employer.name}
            </label>
          ))}
        </fieldset>
        <div className="pk-actions">
          <Button type="submit" loading={busy}>
            {t('officer.fairSave')}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
            {t('officer.fairCancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
