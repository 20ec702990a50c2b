import { SelectField, TextArea, TextField, useLanguage } from '@kota-kit/core/client';
import { reportTypes } from '../vocabulary.js';
import type { FormField, MappedErrors } from './logic.js';
import type { Draft } from './report-draft.js';
import type { FormConfig } from './report-config.js';
import { Choice } from './report-steps.js';
import { useT } from './shared.js';

/** Step 2 of the report form: the kind of report, category, title and text, who may see it, and the contact. */
export function DetailsFields({
  draft,
  set,
  fieldError,
  config,
}: {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  fieldError: (field: FormField) => string | null;
  config: FormConfig;
}) {
  const t = useT();
  const language = useLanguage();
  const categoriesOfType = config.categories.filter((category) => category.types.includes(draft.type));
  const category = config.categories.find((entry) => entry.id === draft.category);
  return (
    <>
    <fieldset className="kk-fieldset lk-fieldset" id="lk-f-type">
      <legend>{t('form.type')}</legend>
      <div className="lk-choices">
        {reportTypes.map((type) => (
          <label key={type} className="lk-choice">
            <input
              type="radio"
              name="type"
              value={type}
              checked={draft.type === type}
              onChange={() => {
                set('type', type);
                if (category && !category.types.includes(type)) set('category', '');
              }}
            />
            <span>
              <strong>{t(`type.${type}`)}</strong>
              <span className="lk-choice__hint">{t(`type.${type}Hint`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>

    <SelectField
      id="lk-f-category"
      label={t('form.category')}
      required
      placeholder={t('form.categoryPlaceholder')}
      value={draft.category}
      onChange={(event) => set('category', event.target.value)}
      error={fieldError('category')}
      hint={category ? t('form.categoryHint', { agency: category.agency.shortName, days: category.deadlineWorkingDays }) : undefined}
      options={categoriesOfType.map((entry) => ({ value: entry.id, label: entry.name[language] }))}
    />
    <TextField id="lk-f-title" label={t('form.reportTitle')} required maxLength={150} value={draft.title} onChange={(event) => set('title', event.target.value)} error={fieldError('title')} hint={t('form.titleHint')} />
    <TextArea id="lk-f-description" label={t('form.reportDescription')} required maxLength={4000} rows={5} value={draft.description} onChange={(event) => set('description', event.target.value)} error={fieldError('description')} hint={t('form.descriptionHint')} />

    <fieldset className="kk-fieldset lk-fieldset lk-visibility">
      <legend>{t('visibility.title')}</legend>
      <p className="lk-small">{t('visibility.intro')}</p>
      <div className="lk-choices" role="radiogroup" aria-label={t('visibility.reportLabel')} id="lk-f-confidential">
        <p className="lk-choices__label">{t('visibility.reportLabel')}</p>
        <Choice name="confidential" checked={!draft.confidential} onChange={() => set('confidential', false)} title={t('visibility.public')} hint={t('visibility.publicHint')} />
        <Choice name="confidential" checked={draft.confidential} onChange={() => set('confidential', true)} title={t('visibility.confidential')} hint={t('visibility.confidentialHint')} />
      </div>
      <div className="lk-choices" role="radiogroup" aria-label={t('visibility.identityLabel')} id="lk-f-anonymous">
        <p className="lk-choices__label">{t('visibility.identityLabel')}</p>
        <Choice name="anonymous" checked={draft.anonymous} onChange={() => set('anonymous', true)} title={t('visibility.anonymous')} hint={t('visibility.anonymousHint')} />
        <Choice name="anonymous" checked={!draft.anonymous} onChange={() => set('anonymous', false)} title={t('visibility.named')} hint={t('visibility.namedHint')} />
      </div>
      <p className="lk-note">{t('visibility.final')}</p>
    </fieldset>

    <fieldset className="kk-fieldset lk-fieldset">
      <legend>{t('form.contact')}</legend>
      <p className="lk-small">{t('form.contactHint')}</p>
      <TextField id="lk-f-name" label={t('form.name')} autoComplete="name" maxLength={100} value={draft.name} onChange={(event) => set('name', event.target.value)} error={fieldError('name')} />
      <TextField id="lk-f-email" label={t('form.email')} type="email" autoComplete="email" inputMode="email" maxLength={200} value={draft.email} onChange={(event) => set('email', event.target.value)} error={fieldError('email')} />
      <TextField id="lk-f-phone" label={t('form.phone')} type="tel" autoComplete="tel" inputMode="tel" maxLength={20} value={draft.phone} onChange={(event) => set('phone', event.target.value)} error={fieldError('phone')} hint={t('form.phoneHint')} />
      {config.askNik ? (
        <TextField id="lk-f-nik" label={t('form.nik')} inputMode="numeric" autoComplete="off" maxLength={16} value={draft.nik} onChange={(event) => set('nik', event.target.value.replace(/\D/g, ''))} error={fieldError('nik')} hint={t('form.nikHint')} />
      ) : null}
    </fieldset>
    </>
  );
}

/** The form's refused fields, each a link to its field, and the messages that fit no field. */
export function ErrorSummary({ errors, errorCount }: { errors: MappedErrors; errorCount: number }) {
  const t = useT();
  if (errorCount === 0 && errors.general.length === 0) return null;
  return (
    <div className="kk-form-error" id="lk-form-errors" tabIndex={-1} role="alert">
      <p>{errorCount > 0 ? t('form.errorSummary', { count: errorCount }) : null}</p>
      <ul>
        {(Object.entries(errors.fields) as [FormField, string | undefined][])
          .filter(([, message]) => message)
          .map(([field, message]) => (
            <li key={field}>
              <a href={`#lk-f-${field}`}>
                {t(`form.fieldName.${field}`)}: {message}
              </a>
            </li>
          ))}
        {errors.general.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
