import { lazy, Suspense, useState } from 'react';
import { Button, Card, data, ErrorState, FormError, Loading, PageHeader, SelectField, TextArea, TextField, useApiForm, useBootstrap, useNavigate, useParams, useQuery, useQueryClient, useSession } from '@kota-kit/core/client';
import type { NewsroomArticle } from '../../schemas/articles.js';
import { api } from '../api.js';
import { BeritaNav, useBeritaOptions } from '../shared.js';
import { useT } from '../translations/index.js';
import { uploadImage } from '../upload.js';

// The editor (TipTap) is the heaviest part of the module: it loads only here, after the form has painted.
const RichEditor = lazy(() => import('../rich-editor.js'));

/** Writing or editing an article: plain fields, the rich-text body and the main photo with its alt text. */
export default function EditorPage() {
  const { id } = useParams();
  const article = useQuery({ queryKey: ['berita', 'newsroom', 'article', id ?? 'new'], queryFn: () => data(api.newsroom.articles[':id'].$get({ param: { id: id! } })), enabled: !!id });
  if (id && article.isPending) return <Loading />;
  if (id && article.isError) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  return <EditorForm article={id ? article.data : undefined} />;
}

interface Values extends Record<string, unknown> {
  agencyId: string;
  category: string;
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string;
  imageKey: string;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
}

/** Server field paths ("body.image.alt", "body.tags.1") to the form's fields. */
const fieldOf = (path: string): keyof Values & string | null => {
  const [, head, next] = path.split('.');
  if (head === 'image') return ({ alt: 'imageAlt', caption: 'imageCaption', credit: 'imageCredit', key: 'imageKey' } as const)[next as 'alt'] ?? 'imageKey';
  return head && ['agencyId', 'category', 'title', 'summary', 'bodyHtml', 'tags'].includes(head) ? (head as keyof Values & string) : null;
};

function EditorForm({ article }: { article?: NewsroomArticle }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { region } = useBootstrap();
  const { user } = useSession();
  const { categories, embedHosts } = useBeritaOptions();
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState<string | null>(article?.image?.url ?? null);
  // Agencies this officer writes for; the server checks again.
  const agencies = region.agencies.filter((agency) => user?.kind === 'admin' || user?.roles.some((role) => role.module === 'berita' && (role.agencyId === null || role.agencyId === agency.id)));
  const form = useApiForm<Values, NewsroomArticle>({
    initial: {
      agencyId: article?.agencyId ?? agencies[0]?.id ?? '',
      category: article?.category ?? categories[0]?.slug ?? '',
      title: article?.title ?? '',
      summary: article?.summary ?? '',
      bodyHtml: article?.bodyHtml ?? '',
      tags: article?.tags.join(', ') ?? '',
      imageKey: article?.image?.key ?? '',
      imageAlt: article?.image?.alt ?? '',
      imageCaption: article?.image?.caption ?? '',
      imageCredit: article?.image?.credit ?? '',
    },
    fieldOf,
    submit: (values) => {
      const json = {
        agencyId: values.agencyId,
        category: values.category,
        title: values.title,
        summary: values.summary,
        bodyHtml: values.bodyHtml,
        tags: values.tags.split(',').map((tag) => tag.trim()).filter(Boolean),
        image: values.imageKey ? { key: values.imageKey, alt: values.imageAlt, caption: values.imageCaption, credit: values.imageCredit } : null,
      };
      return article ? data(api.newsroom.articles[':id'].$put({ param: { id: String(article.id) }, json })) : data(api.newsroom.articles.$post({ json }));
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(['berita', 'newsroom', 'article', String(saved.id)], saved);
      await queryClient.invalidateQueries({ queryKey: ['berita', 'newsroom'] });
      navigate(`/berita/redaksi/artikel/${saved.id}`);
    },
  });
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      const stored = await uploadImage(file);
      form.setValue('imageKey', stored.key);
      setPreview(`/api/berita/images/${stored.key}/480.jpg`);
    } catch (error) {
      form.setErrors({ imageKey: error instanceof Error ? error.message : String(error) });
    } finally {
      setUploading(false);
    }
  };
  return (
    <>
      <PageHeader title={article ? t('editor.editTitle') : t('editor.newTitle')} />
      <BeritaNav />
      <form onSubmit={form.onSubmit} noValidate className="bt-form">
        <FormError>{form.formError}</FormError>
        <Card>
          <SelectField label={t('editor.agency')} {...form.field('agencyId')} options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))} />
          <SelectField label={t('editor.category')} {...form.field('category')} options={categories.map((category) => ({ value: category.slug, label: category.name.id }))} />
          <TextField label={t('editor.heading')} {...form.field('title')} required />
          <TextArea label={t('editor.summary')} hint={t('editor.summaryHint')} rows={3} {...form.field('summary')} required />
          <div className="bt-field">
            <span className="kk-field__label" id="bt-body-label">
              {t('editor.body')}
            </span>
            <Suspense fallback={<Loading label={t('editor.loadingEditor')} />}>
              <RichEditor label={t('editor.body')} value={form.values.bodyHtml} onChange={(html) => form.setValue('bodyHtml', html)} embedHosts={embedHosts} uploadImage={uploadImage} invalid={!!form.errors.bodyHtml} describedBy={form.errors.bodyHtml ? 'bt-body-error' : undefined} />
            </Suspense>
            {form.errors.bodyHtml && (
              <p className="kk-field__error" id="bt-body-error">
                {form.errors.bodyHtml}
              </p>
            )}
          </div>
          <TextField label={t('editor.tags')} hint={t('editor.tagsHint')} {...form.field('tags')} />
        </Card>
        <Card title={t('editor.image')}>
          {preview && <img className="bt-preview-image" src={preview} alt="" width={480} height={270} />}
          <label className="kk-button kk-button--secondary bt-file">
            {uploading ? t('editor.imageUploading') : t('editor.imageChoose')}
            <input type="file" accept="image/jpeg,image/png,image/webp" className="bt-visually-hidden" onChange={(event) => void choose(event.target.files?.[0])} />
          </label>
          {form.errors.imageKey && <p className="kk-field__error">{form.errors.imageKey}</p>}
          {form.values.imageKey && (
            <>
              <TextField label={t('editor.imageAlt')} hint={t('editor.imageAltHint')} {...form.field('imageAlt')} required />
              <TextField label={t('editor.imageCaption')} {...form.field('imageCaption')} />
              <TextField label={t('editor.imageCredit')} {...form.field('imageCredit')} />
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  form.setValue('imageKey', '');
                  setPreview(null);
                }}
              >
                {t('editor.imageRemove')}
              </Button>
            </>
          )}
        </Card>
        <Button type="submit" loading={form.submitting}>
          {t('editor.save')}
        </Button>
      </form>
    </>
  );
}
