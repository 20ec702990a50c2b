import { useState } from 'react';
import { Card, data, dateText, ErrorState, Link, Loading, PageHeader, SelectField, useParams, useQuery } from '@kota-kit/core/client';
import { api } from '../api.js';
import { BeritaNav } from '../shared.js';
import { useT } from '../translations/index.js';

type Part = { kind: 'same' | 'added' | 'removed'; text: string };

function Diff({ parts }: { parts: Part[] }) {
  const t = useT();
  return (
    <p className="bt-diff">
      {parts.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} title={t('revisions.added')}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} title={t('revisions.removed')}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

/** Every revision of an article, and any two compared word by word. */
export default function RevisionsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const revisions = useQuery({ queryKey: ['berita', 'newsroom', 'revisions', id], queryFn: () => data(api.newsroom.articles[':id'].revisions.$get({ param: { id } })) });
  const numbers = revisions.data?.revisions.map((revision) => revision.number) ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const left = from ?? numbers[1] ?? numbers[0] ?? 1;
  const right = to ?? numbers[0] ?? 1;
  const diff = useQuery({ queryKey: ['berita', 'newsroom', 'diff', id, left, right], queryFn: () => data(api.newsroom.articles[':id'].diff.$get({ param: { id }, query: { from: String(left), to: String(right) } })), enabled: numbers.length > 0 });
  if (revisions.isPending) return <Loading />;
  if (revisions.isError) return <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />;
  const options = revisions.data.revisions.map((revision) => ({ value: String(revision.number), label: t('revisions.option', { number: revision.number, author: revision.authorName, date: dateText(revision.at, { withTime: true }) }) }));
  return (
    <>
      <PageHeader title={t('revisions.title')} />
      <BeritaNav />
      <p className="bt-links">
        <Link to={`/berita/redaksi/artikel/${id}`}>{t('detail.back')}</Link>
      </p>
      <Card>
        <SelectField label={t('revisions.from')} value={String(left)} onChange={(event) => setFrom(Number(event.target.value))} options={options} />
        <SelectField label={t('revisions.to')} value={String(right)} onChange={(event) => setTo(Number(event.target.value))} options={options} />
      </Card>
      {diff.isPending && <Loading />}
      {diff.isError && <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />}
      {diff.data && (
        <Card>
          <h2>{t('revisions.heading')}</h2>
          <Diff parts={diff.data.title} />
          <h2>{t('revisions.summary')}</h2>
          <Diff parts={diff.data.summary} />
          <h2>{t('revisions.body')}</h2>
          <Diff parts={diff.data.body} />
        </Card>
      )}
    </>
  );
}
