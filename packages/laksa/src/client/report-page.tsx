import {
  ApiError,
  Button,
  ErrorState,
  FormError,
  Icon,
  insideBounds,
  kecamatanAt,
  Loading,
  RegionPointPicker,
  SelectField,
  TextField,
  useLanguage,
  useRegionGeography,
  useSession,
  type LatLng
} from '@kota-kit/core/client';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { type CreateReportResult } from '../schemas.js';
import { checkPhoto, fileSize, mapReportErrors, megabytes, type FormField, type MappedErrors } from './logic.js';
import { enqueue, isNetworkError, postReport } from './outbox.js';
import { checkDraft, emptyDraft, isFieldMessageKey, toCreateInput, type Draft, type PhotoItem } from './report-draft.js';
import { useCategories, type FormConfig } from './report-config.js';
import { saveReportReceipt } from './receipts.js';
import { DetailsFields, ErrorSummary } from './report-details.js';
import { Done, Queued, Review } from './report-steps.js';
import { LaksaNav, useOnline, useOptions, useT } from './shared.js';

/** Location and photo first (as FixMyStreet does), then the details, then the review. */
type Step = 'place' | 'details' | 'review' | 'done' | 'queued';

/** The fields of the first step; every other field is on the second. */
const placeFields: readonly FormField[] = ['kecamatan', 'kelurahan', 'address', 'point', 'photos'];
const stepOf = (field: FormField): 'place' | 'details' => (placeFields.includes(field) ? 'place' : 'details');

export default function ReportPage() {
  const t = useT();
  const options = useOptions();
  const categories = useCategories(options);
  return (
    <div className="lk-page">
      <LaksaNav />
      {categories.isPending ? (
        <Loading label={t('form.loading')} />
      ) : categories.isError ? (
        <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <ReportForm config={categories.data} />
      )}
    </div>
  );
}

function ReportForm({ config }: { config: FormConfig }) {
  const t = useT();
  const language = useLanguage();
  const online = useOnline();
  // With the kecamatan boundaries once they have arrived (fetched as the form opens).
  const geography = useRegionGeography();
  const { user } = useSession();
  const [step, setStep] = useState<Step>('place');
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // How the kecamatan was filled from the point: inside its boundary (fixed), or the nearest centre (a guess).
  const [kecamatanBy, setKecamatanBy] = useState<'boundary' | 'nearest' | null>(null);
  const [photos, setPhotos] = useState<PhotoItem[]>([]);
  const [errors, setErrors] = useState<MappedErrors>({ fields: {}, general: [] });
  const [photoNote, setPhotoNote] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<CreateReportResult | null>(null);
  const [geo, setGeo] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const photoUrls = useRef<string[]>([]);

  useEffect(() => () => photoUrls.current.forEach((url) => URL.revokeObjectURL(url)), []);
  // Signed in: the contact fields start with the account's name and email (the citizen may change or clear them).
  const prefilled = useRef(false);
  useEffect(() => {
    if (!user || prefilled.current) return;
    prefilled.current = true;
    setDraft((current) => ({ ...current, name: current.name || user.name, email: current.email || user.email }));
  }, [user]);
  const firstStep = useRef(true);
  useEffect(() => {
    // Move focus to the new step's heading (not on the first paint: the page keeps its normal start).
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    const field = (key === 'point' ? 'point' : key) as FormField;
    if (errors.fields[field]) setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  };
  const fieldError = (field: FormField) => errors.fields[field] ?? null;
  /** A point (tap or GPS) also fills the kecamatan from the region's boundaries, or the nearest centre. */
  const setPoint = (point: LatLng | null) => {
    set('point', point);
    const match = point ? kecamatanAt(geography, point) : null;
    const name = match && (config.kecamatan.length === 0 || config.kecamatan.includes(match.kecamatan.name)) ? match.kecamatan.name : null;
    setKecamatanBy(name ? match!.by : null);
    if (name) set('kecamatan', name);
    else if (kecamatanBy === 'boundary') set('kecamatan', '');
  };
  // A point chosen before the boundaries arrived was filed under the nearest centre: file it again by them.
  useEffect(() => {
    if (draft.point && kecamatanBy === 'nearest') setPoint(draft.point);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the geography changes
  }, [geography]);
  const pointCaption = !draft.point
    ? t('flow.pointNone')
    : geography && !insideBounds(draft.point, geography.bounds)
      ? t('flow.pointOutside')
      : kecamatanBy && draft.kecamatan
        ? t('flow.pointIn', { name: draft.kecamatan })
        : t('flow.pointChosen');
  const category = config.categories.find((entry) => entry.id === draft.category);
  const hasContact = Boolean(draft.name.trim() || draft.email.trim() || draft.phone.trim() || (config.askNik && draft.nik.trim()));
  const input = toCreateInput(draft, config.askNik);

  const addPhotos = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const added: PhotoItem[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const problem = checkPhoto(file, photos.length + added.length, config.maxPhotos, config.maxPhotoBytes);
      if (problem) {
        problems.push(t(`form.photoProblem.${problem}`, { name: file.name, max: config.maxPhotos, mb: megabytes(config.maxPhotoBytes) }));
        continue;
      }
      const url = URL.createObjectURL(file);
      photoUrls.current.push(url);
      added.push({ file, url });
    }
    setPhotos((current) => [...current, ...added]);
    setPhotoNote(problems.join(' ') || null);
    if (errors.fields.photos) setErrors((current) => ({ ...current, fields: { ...current.fields, photos: undefined } }));
  };

  const useMyLocation = () => {
    if (!('geolocation' in navigator)) {
      setGeo({ busy: false, message: t('form.geo.unsupported') });
      return;
    }
    setGeo({ busy: true, message: null });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const point = { lat: Math.round(position.coords.latitude * 100_000) / 100_000, lng: Math.round(position.coords.longitude * 100_000) / 100_000 };
        setPoint(point);
        // "Outside the city" only when the region's config gives its bounds.
        setGeo({ busy: false, message: geography && !insideBounds(point, geography.bounds) ? t('form.geo.outside') : t('form.geo.ok') });
      },
      (error) => setGeo({ busy: false, message: error.code === error.PERMISSION_DENIED ? t('form.geo.denied') : t('form.geo.failed') }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  /**
   * Checks the fields of `upTo` (and of the steps before it) and moves on, or shows what to fix on the first
   * step with errors. Moving on from the first step keeps the server's messages for the next step's fields.
   */
  const check = (upTo: 'place' | 'details', next: Step) => {
    const found = checkDraft(draft, config.askNik);
    const fields = Object.fromEntries(
      Object.entries(found)
        .filter(([field]) => upTo === 'details' || stepOf(field as FormField) === 'place')
        .map(([field, key]) => [field, isFieldMessageKey(key) ? t(key) : key]),
    ) as MappedErrors['fields'];
    const refused = Object.keys(fields) as FormField[];
    const later = upTo === 'place' ? Object.fromEntries(Object.entries(errors.fields).filter(([field, message]) => message && stepOf(field as FormField) === 'details')) : {};
    setErrors({ fields: { ...later, ...fields }, general: [] });
    if (refused.length > 0) {
      const back = refused.some((field) => stepOf(field) === 'place') ? 'place' : 'details';
      if (back !== step) setStep(back);
      requestAnimationFrame(() => document.getElementById('lk-form-errors')?.focus());
      return;
    }
    setStep(next);
  };
  const toDetails = () => check('place', 'details');
  const toReview = () => check('details', 'review');

  const send = async () => {
    setSending(true);
    const queuedPhotos = photos.map((photo) => ({ name: photo.file.name, type: photo.file.type, blob: photo.file as Blob }));
    try {
      if (!online || navigator.onLine === false) {
        await enqueue(input, queuedPhotos);
        setStep('queued');
        return;
      }
      const created = await postReport(input, queuedPhotos);
      // A receipt on the phone for "Laporan saya": the ticket, the title and the private tracking link.
      saveReportReceipt({ ticket: created.ticket, title: input.title, trackingUrl: created.trackingUrl, sentAt: new Date().toISOString() });
      setResult(created);
      setStep('done');
    } catch (error) {
      if (isNetworkError(error)) {
        await enqueue(input, queuedPhotos);
        setStep('queued');
      } else if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
        const mapped = mapReportErrors(error.problem.errors);
        setErrors({ fields: mapped.fields, general: mapped.general.length ? mapped.general : Object.keys(mapped.fields).length ? [] : [error.message] });
        // Back to the first step with a refused field (the summary lists them all).
        const refused = (Object.keys(mapped.fields) as FormField[]).filter((field) => mapped.fields[field]);
        setStep(refused.some((field) => stepOf(field) === 'place') ? 'place' : 'details');
        requestAnimationFrame(() => document.getElementById('lk-form-errors')?.focus());
      } else {
        setErrors({ fields: {}, general: [error instanceof ApiError && error.status === 429 ? t('form.rateLimited') : error instanceof Error ? error.message : String(error)] });
      }
    } finally {
      setSending(false);
    }
  };

  if (step === 'done' && result) return <Done result={result} heading={headingRef} />;
  if (step === 'queued') return <Queued heading={headingRef} />;

  const errorCount = Object.values(errors.fields).filter(Boolean).length;

  if (step === 'review') {
    return (
      <div className="lk-form">
        <h1 className="kk-page-header__title" tabIndex={-1} ref={headingRef}>
          {t('review.title')}
        </h1>
        <p>{t('review.description')}</p>
        <Review draft={draft} photos={photos} hasContact={hasContact} categoryName={category?.name[language] ?? draft.category} agency={category?.agency.shortName ?? ''} />
        <FormError>{errors.general.length ? errors.general.join(' ') : null}</FormError>
        {!online ? <p className="lk-note lk-note--offline">{t('review.offline')}</p> : null}
        <div className="lk-actions">
          <Button onClick={() => void send()} loading={sending}>
            {online ? t('review.send') : t('review.saveOffline')}
          </Button>
          <Button variant="secondary" onClick={() => setStep('details')} disabled={sending}>
            {t('review.back')}
          </Button>
        </div>
      </div>
    );
  }

  const errorSummary = <ErrorSummary errors={errors} errorCount={errorCount} />;
  const offlineNote = config.source !== 'server' ? <p className="lk-note lk-note--offline">{t('flow.offlineCategories')}</p> : null;

  if (step === 'place') {
    const locked = kecamatanBy === 'boundary' && Boolean(draft.point) && Boolean(draft.kecamatan);
    return (
      <form
        className="lk-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          toDetails();
        }}
      >
        <h1 className="kk-page-header__title" tabIndex={-1} ref={headingRef}>
          {t('form.title')}
        </h1>
        <p className="lk-step">{t('flow.step', { n: 1 })}</p>
        {offlineNote}
        {errorSummary}
        <fieldset className="kk-fieldset lk-fieldset" id="lk-f-point">
          <legend>{t('flow.placeTitle')}</legend>
          <p className="kk-field__hint" id="lk-point-hint">
            {t('flow.placeIntro')}
          </p>
          <div className="lk-row">
            <Button variant="secondary" onClick={useMyLocation} loading={geo.busy}>
              <Icon name="pin" /> {t('form.geo.button')}
            </Button>
            {draft.point ? (
              <Button variant="secondary" onClick={() => setPoint(null)}>
                {t('form.pointClear')}
              </Button>
            ) : null}
          </div>
          {geo.message ? (
            <p className="lk-small" role="status">
              {geo.message}
            </p>
          ) : null}
          <RegionPointPicker value={draft.point} onChange={setPoint} describedBy="lk-point-hint" caption={pointCaption} />
          {fieldError('point') ? <p className="kk-field__error">{fieldError('point')}</p> : null}
          {locked ? (
            <div className="kk-field" id="lk-f-kecamatan">
              <p className="kk-field__label">{t('form.kecamatan')}</p>
              <p className="lk-kecamatan-fixed" role="status">
                {t('flow.kecamatanFromPoint', { name: draft.kecamatan })}
              </p>
            </div>
          ) : config.kecamatan.length > 0 ? (
            <SelectField
              id="lk-f-kecamatan"
              label={t('form.kecamatan')}
              placeholder={t('form.kecamatanPlaceholder')}
              value={draft.kecamatan}
              onChange={(event) => {
                set('kecamatan', event.target.value);
                setKecamatanBy(null);
              }}
              error={fieldError('kecamatan')}
              hint={kecamatanBy === 'nearest' && draft.kecamatan ? t('flow.kecamatanNearest', { name: draft.kecamatan }) : undefined}
              options={config.kecamatan.map((name) => ({ value: name, label: name }))}
            />
          ) : (
            // A region that lists no kecamatan takes the name as the citizen writes it.
            <TextField id="lk-f-kecamatan" label={t('form.kecamatan')} maxLength={60} value={draft.kecamatan} onChange={(event) => set('kecamatan', event.target.value)} error={fieldError('kecamatan')} />
          )}
          <TextField id="lk-f-kelurahan" label={t('form.kelurahan')} maxLength={80} value={draft.kelurahan} onChange={(event) => set('kelurahan', event.target.value)} error={fieldError('kelurahan')} />
          <TextField id="lk-f-address" label={t('form.address')} maxLength={300} value={draft.address} onChange={(event) => set('address', event.target.value)} error={fieldError('address')} hint={t('form.addressHint')} />
        </fieldset>

        {config.maxPhotos > 0 ? (
          <div className={`kk-field${fieldError('photos') ? ' kk-field--invalid' : ''}`} id="lk-f-photos">
            <label className="kk-field__label" htmlFor="lk-photo-input">
              {t('form.photos', { max: config.maxPhotos })}
            </label>
            <p className="kk-field__hint" id="lk-photo-hint">
              {t('form.photosHint', { mb: megabytes(config.maxPhotoBytes) })}
            </p>
            <input
              id="lk-photo-input"
              className="lk-file"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              disabled={photos.length >= config.maxPhotos}
              aria-describedby="lk-photo-hint"
              onChange={addPhotos}
            />
            {photoNote ? (
              <p className="kk-field__error" role="alert">
                {photoNote}
              </p>
            ) : null}
            {fieldError('photos') ? <p className="kk-field__error">{fieldError('photos')}</p> : null}
            {photos.length > 0 ? (
              <ul className="lk-previews">
                {photos.map((photo, index) => (
                  <li key={photo.url}>
                    <img src={photo.url} alt={t('form.photoPreview', { n: index + 1 })} />
                    <span className="lk-small">{fileSize(photo.file.size, language)}</span>
                    <Button variant="secondary" onClick={() => setPhotos((current) => current.filter((entry) => entry !== photo))} aria-label={t('form.photoRemove', { n: index + 1 })}>
                      {t('form.remove')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}

        <div className="lk-actions">
          <Button type="submit">{t('flow.toDetails')}</Button>
        </div>
      </form>
    );
  }

  return (
    <form
      className="lk-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        toReview();
      }}
    >
      <h1 className="kk-page-header__title" tabIndex={-1} ref={headingRef}>
        {t('form.title')}
      </h1>
      <p className="lk-step">
        {t('flow.step', { n: 2 })} · {t('flow.detailsTitle')}
      </p>
      <p className="kk-page-header__description">{t('form.description')}</p>
      {offlineNote}
      {errorSummary}

      <DetailsFields draft={draft} set={set} fieldError={fieldError} config={config} />

      <div className="lk-actions">
        <Button type="submit">{t('form.toReview')}</Button>
        <Button variant="secondary" onClick={() => setStep('place')}>
          {t('flow.backToPlace')}
        </Button>
      </div>
    </form>
  );
}
