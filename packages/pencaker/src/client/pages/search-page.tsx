/** Vacancy search: text and filters in the address (shareable, back button works), results a page at a time, save the search. */
import { Button, data, Disclosure, EmptyState, ErrorState, FormError, Loading, PageHeader, PagedList, SearchForm, SelectField, TextField, useBootstrap, useQuery, useSearchParams } from '@kota-kit/core/client';
import { useState } from 'react';
// The vocabulary file, not the schemas: the search page loads no schema library.
import { educationLevels, employmentTypes, recencyDays, sectors } from '../../schemas/vocabulary.js';
import { api } from '../api.js';
import { PencakerNav, useMe, VacancyItem } from '../components/shared.js';
import { useT } from '../translations/index.js';

const filterKeys = ['q', 'kecamatan', 'sector', 'education', 'employmentType', 'salaryMin', 'postedWithin', 'sort'] as const;
type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

export default function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const { region } = useBootstrap();
  const me = useMe().data;
  const filters: Filters = Object.fromEntries(filterKeys.flatMap((key) => (params.get(key) ? [[key, params.get(key)!]] : [])));
  const page = Number(params.get('page') ?? '1') || 1;
  const [draft, setDraft] = useState<Filters>(filters);
  const results = useQuery({
    queryKey: ['pencaker', 'vacancies', filters, page],
    queryFn: () => data(api.vacancies.$get({ query: { ...filters, page: String(page) } as never })),
  });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const activeFilters = filterKeys.filter((key) => key !== 'q' && filters[key]).length;
  const apply = () => {
    const next = new URLSearchParams();
    for (const key of filterKeys) if (draft[key]) next.set(key, draft[key]!);
    setParams(next);
  };
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [key]: event.target.value }));
  const kecamatan = region.geography?.kecamatan.map((item) => item.name) ?? [];
  const anyOption = { value: '', label: t('search.any') };

  const saveSearch = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const { sort: _sort, salaryMin, postedWithin, ...rest } = filters;
      const name = filters.q || filters.kecamatan || t('search.title');
      await data(api.me.searches.$post({ json: { name, filters: { ...rest, ...(salaryMin ? { salaryMin: Number(salaryMin) } : {}), ...(postedWithin ? { postedWithin: Number(postedWithin) } : {}) } as never } }));
      setSaved(t('search.saved'));
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <PencakerNav />
      <SearchForm
        className="pk-search"
        label={t('search.heading')}
        button={t('search.submit')}
        placeholder={t('search.qHint')}
        value={draft.q ?? ''}
        onChange={(q) => setDraft((current) => ({ ...current, q }))}
        onSubmit={apply}
      >
        {/* Closed unless a filter is on: the results start right under the search row on a phone. */}
        <Disclosure icon="filter" open={activeFilters > 0} summary={activeFilters > 0 ? t('search.moreActive', { count: activeFilters }) : t('search.more')}>
          <SelectField label={t('search.kecamatan')} value={draft.kecamatan ?? ''} onChange={set('kecamatan')} options={[anyOption, ...kecamatan.map((name) => ({ value: name, label: name }))]} />
          <SelectField label={t('search.sector')} value={draft.sector ?? ''} onChange={set('sector')} options={[anyOption, ...sectors.map((value) => ({ value, label: t(`vocab.sector.${value}`) }))]} />
          <SelectField label={t('search.education')} value={draft.education ?? ''} onChange={set('education')} options={[anyOption, ...educationLevels.map((value) => ({ value, label: t(`vocab.education.${value}`) }))]} />
          <SelectField label={t('search.type')} value={draft.employmentType ?? ''} onChange={set('employmentType')} options={[anyOption, ...employmentTypes.map((value) => ({ value, label: t(`vocab.type.${value}`) }))]} />
          <TextField label={t('search.salaryMin')} inputMode="numeric" value={draft.salaryMin ?? ''} onChange={set('salaryMin')} />
          <SelectField label={t('search.recency')} value={draft.postedWithin ?? ''} onChange={set('postedWithin')} options={[anyOption, ...recencyDays.map((days) => ({ value: String(days), label: t('search.recencyDays', { days }) }))]} />
          <SelectField
            label={t('search.sort')}
            value={draft.sort ?? ''}
            onChange={set('sort')}
            options={[
              { value: '', label: t('search.relevance') },
              { value: 'date', label: t('search.date') },
            ]}
          />
          {/* The search row is a screen up by now. */}
          <Button type="submit" className="pk-apply">
            {t('search.apply')}
          </Button>
        </Disclosure>
      </SearchForm>
      {results.isPending && <Loading />}
      {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
      {results.data && (
        <>
          <div className="pk-row">
            <p role="status">{t('search.results', { count: results.data.total })}</p>
            {me?.signedIn && Object.keys(filters).length > 0 && (
              <Button variant="secondary" loading={saving} onClick={() => void saveSearch()}>
                {t('search.save')}
              </Button>
            )}
          </div>
          {saved && <p role="status">{saved}</p>}
          <FormError>{saveError}</FormError>
          {results.data.items.length === 0 ? (
            <EmptyState title={t('search.empty')} />
          ) : (
            <PagedList
              label={t('search.list')}
              items={results.data.items}
              itemKey={(vacancy) => vacancy.id}
              page={results.data.page}
              totalPages={results.data.pages}
              onPage={(next) => {
                const copy = new URLSearchParams(params);
                copy.set('page', String(next));
                setParams(copy);
              }}
              renderItem={(vacancy) => <VacancyItem vacancy={vacancy} />}
            />
          )}
        </>
      )}
    </>
  );
}
