import { Button, Card, data, FormError, SelectField, TextArea, TextField, useApiForm } from '@kota-kit/core/client';
import { useState } from 'react';
import { noticeInputSchema } from '../../schemas/notices.js';
import { api } from '../api.js';
import { useT } from '../translations/index.js';

/** The editor's form: checked with the server's own schema before sending; the server's field errors land on the fields. */
export function NoticeForm({ agencies, maxLength, onPublished }: { agencies: { id: string; name: string }[]; maxLength: number; onPublished: () => void }) {
  const t = useT();
  const [done, setDone] = useState<string | null>(null);
  const form = useApiForm({
    initial: { agencyId: agencies[0]?.id ?? '', title: '', body: '' },
    schema: noticeInputSchema.extend({ body: noticeInputSchema.shape.body.max(maxLength) }),
    submit: (json) => data(api.notices.$post({ json })),
    onSuccess: (notice) => {
      setDone(t('form.published', { title: notice.title }));
      form.reset();
      onPublished();
    },
  });
  return (
    <Card title={t('form.title')}>
      <form onSubmit={form.onSubmit} noValidate>
        <FormError>{form.formError}</FormError>
        {done && <p role="status">{done}</p>}
        <SelectField label={t('form.agency')} {...form.field('agencyId')} options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
        <TextField label={t('form.heading')} {...form.field('title')} />
        <TextArea label={t('form.body')} hint={t('form.bodyHint', { max: maxLength })} {...form.field('body')} />
        <Button type="submit" loading={form.submitting}>
          {t('form.publish')}
        </Button>
      </form>
    </Card>
  );
}
