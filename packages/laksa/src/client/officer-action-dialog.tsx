import { ApiError, Button, Dialog, FormError, Loading, SelectField, TextArea, TextField, useBootstrap, useQuery, useQueryClient } from '@kota-kit/core/client';
import { useState, type ReactNode } from 'react';
import { rejectReasons } from '../vocabulary.js';
import type { OfficerAction, OfficerReport, RejectReason } from '../schemas.js';
import { api, data as answer, eitherBody } from './api.js';
import { checkPhoto, fileSize, megabytes } from './logic.js';
import { useOptions, useT } from './shared.js';

const rejectReasonOf = (value: string | undefined): RejectReason => rejectReasons.find((reason) => reason === value) ?? 'not_authority';

/** Actions whose dialog texts live under `officerFlow` (added with the one-step and progress flows). */
type FlowAction = 'verifyAndForward' | 'progress';
const isFlowAction = (action: OfficerAction): action is FlowAction => action === 'verifyAndForward' || action === 'progress';

type Values = Record<string, string>;

/** One dialog per action: its fields, the server's field errors next to them, and the general error. */
export function ActionDialog({ action, report, onClose, onDone }: { action: OfficerAction; report: OfficerReport; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const options = useOptions();
  const bootstrap = useBootstrap();
  const queryClient = useQueryClient();
  // The category's agency, preselected when it can be chosen (not the agency that already holds the report).
  const categoryAgency = bootstrap.region.agencies.find((agency) => agency.id === options.categories.find((category) => category.id === report.category)?.agency);
  const agencyChoices = bootstrap.region.agencies.filter((agency) => action === 'verifyAndForward' || report.status === 'verified' || agency.id !== report.agency?.id);
  const preselected = categoryAgency && agencyChoices.includes(categoryAgency) ? categoryAgency.id : '';
  const [values, setValues] = useState<Values>(
    (): Values =>
      action === 'reject' ? { reason: 'not_authority' } : action === 'assign' ? { userId: report.assignee?.id ?? '' } : action === 'forward' || action === 'verifyAndForward' ? { agency: preselected } : {},
  );
  const [files, setFiles] = useState<File[]>([]);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const colleagues = useQuery({
    queryKey: ['laksa', 'colleagues', report.agency?.id],
    queryFn: () => answer(api.colleagues.$get({ query: { agency: report.agency?.id ?? '' } })),
    enabled: action === 'assign' && Boolean(report.agency),
  });
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const set = (key: string, value: string) => setValues((current) => ({ ...current, [key]: value }));
  const trimmed = (key: string) => values[key]?.trim() || undefined;

  /** The action's request, typed by its route. */
  const send = () => {
    const param = { id: report.id };
    const actions = api.inbox[':id'];
    switch (action) {
      case 'verify':
        return answer(actions.verify.$post({ param, json: { note: trimmed('note') } }));
      case 'verifyAndForward':
        return answer(actions['verify-and-forward'].$post({ param, json: { agency: values.agency ?? '', note: trimmed('note') } }));
      case 'progress': {
        const note = values.note?.trim() ?? '';
        const progress = actions.progress.$post;
        if (files.length === 0) return answer(progress(eitherBody(progress, { param, json: { note } })));
        return answer(progress(eitherBody(progress, { param, form: { note, photos: files } })));
      }
      case 'start':
        return answer(actions.start.$post({ param, json: { note: trimmed('note') } }));
      case 'reject':
        return answer(actions.reject.$post({ param, json: { reason: rejectReasonOf(values.reason), note: values.note?.trim() ?? '' } }));
      case 'forward':
        return answer(actions.forward.$post({ param, json: { agency: values.agency ?? '', note: trimmed('note') } }));
      case 'assign':
        return answer(actions.assign.$post({ param, json: { userId: values.userId || null } }));
      case 'note':
        return answer(actions.note.$post({ param, json: { text: values.text?.trim() ?? '' } }));
      case 'duplicate':
        return answer(actions.duplicate.$post({ param, json: { of: values.of?.trim().toUpperCase() ?? '', note: trimmed('note') } }));
      case 'respond': {
        const response = values.response?.trim() ?? '';
        const respond = actions.respond.$post;
        if (files.length === 0) return answer(respond(eitherBody(respond, { param, json: { response } })));
        return answer(respond(eitherBody(respond, { param, form: { response, photos: files } })));
      }
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await send();
      queryClient.setQueryData(['laksa', 'officer-report', report.id], next);
      void queryClient.invalidateQueries({ queryKey: ['laksa', 'inbox'] });
      onDone(isFlowAction(action) ? t(`officerFlow.${action}.done`, { ticket: report.ticket }) : t(`action.${action}.done`, { ticket: report.ticket }));
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: string) => fieldErrors[field] ?? Object.entries(fieldErrors).find(([key]) => key.startsWith(`${field}.`))?.[1] ?? null;
  const generalShown = error && !(error instanceof ApiError && Object.keys(fieldErrors).some((key) => ['note', 'reason', 'agency', 'userId', 'text', 'response', 'of', 'photos'].includes(key.split('.')[0]!)));
  const note = (label = t('action.noteLabel'), required = false) => (
    <TextArea label={label} required={required} rows={3} maxLength={2000} value={values.note ?? ''} onChange={(event) => set('note', event.target.value)} error={errorOf('note')} />
  );
  const photoPicker = (label: string) => (
    <div className={`kk-field${errorOf('photos') ? ' kk-field--invalid' : ''}`}>
      <label className="kk-field__label" htmlFor="lk-respond-photos">
        {label}
      </label>
      <input
        id="lk-respond-photos"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        className="lk-file"
        onChange={(event) => {
          const picked = [...(event.target.files ?? [])];
          event.target.value = '';
          const ok: File[] = [];
          const notes: string[] = [];
          for (const file of picked) {
            const problem = checkPhoto(file, files.length + ok.length, options.maxPhotos, options.maxPhotoBytes);
            if (problem) notes.push(t(`form.photoProblem.${problem}`, { name: file.name, max: options.maxPhotos, mb: megabytes(options.maxPhotoBytes) }));
            else ok.push(file);
          }
          setFiles((current) => [...current, ...ok]);
          setFileNote(notes.join(' ') || null);
        }}
      />
      {fileNote ? <p className="kk-field__error">{fileNote}</p> : null}
      {errorOf('photos') ? <p className="kk-field__error">{errorOf('photos')}</p> : null}
      {files.length ? (
        <ul className="lk-file-list">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name} ({fileSize(file.size)}){' '}
              <Button variant="secondary" onClick={() => setFiles((current) => current.filter((entry) => entry !== file))}>
                {t('form.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
  let fields: ReactNode = null;
  switch (action) {
    case 'verify':
      fields = (
        <>
          <p>{t('action.verify.text')}</p>
          {note()}
        </>
      );
      break;
    case 'start':
      fields = (
        <>
          <p>{t('action.start.text')}</p>
          {note(t('action.publicNote'))}
        </>
      );
      break;
    case 'reject':
      fields = (
        <>
          <SelectField label={t('action.reject.reason')} required value={values.reason} onChange={(event) => set('reason', event.target.value)} error={errorOf('reason')} options={rejectReasons.map((reason) => ({ value: reason, label: t(`reject.${reason}`) }))} />
          {note(t('action.reject.note'), true)}
          <p className="lk-small">{t('action.reject.public')}</p>
        </>
      );
      break;
    case 'verifyAndForward':
    case 'forward':
      fields = (
        <>
          {action === 'verifyAndForward' ? <p>{t('officerFlow.verifyAndForward.text')}</p> : null}
          <SelectField
            label={t('action.forward.agency')}
            required
            placeholder={t('action.forward.placeholder')}
            value={values.agency ?? ''}
            onChange={(event) => set('agency', event.target.value)}
            error={errorOf('agency')}
            hint={categoryAgency ? t('officerFlow.categoryAgency', { name: categoryAgency.name }) : undefined}
            options={agencyChoices.map((agency) => ({ value: agency.id, label: t('officerFlow.agencyOption', { name: agency.name, shortName: agency.shortName }) }))}
          />
          {note(t('action.publicNote'))}
        </>
      );
      break;
    case 'assign':
      fields = colleagues.isPending ? (
        <Loading />
      ) : (
        <SelectField
          label={t('action.assign.who')}
          value={values.userId ?? ''}
          onChange={(event) => set('userId', event.target.value)}
          error={errorOf('userId')}
          placeholder={t('action.assign.nobody')}
          options={(colleagues.data?.colleagues ?? []).map((colleague) => ({ value: colleague.id, label: colleague.name }))}
        />
      );
      break;
    case 'note':
      fields = (
        <>
          <TextArea label={t('action.note.text')} required rows={4} maxLength={4000} value={values.text ?? ''} onChange={(event) => set('text', event.target.value)} error={errorOf('text')} />
          <p className="lk-small">{t('action.note.internal')}</p>
        </>
      );
      break;
    case 'duplicate':
      fields = (
        <>
          <TextField label={t('action.duplicate.of')} required autoCapitalize="characters" value={values.of ?? ''} onChange={(event) => set('of', event.target.value)} error={errorOf('of')} hint={t('action.duplicate.hint')} />
          {note()}
        </>
      );
      break;
    case 'progress':
      fields = (
        <>
          <TextArea
            label={t('officerFlow.progress.text')}
            required
            rows={4}
            maxLength={4000}
            value={values.note ?? ''}
            onChange={(event) => set('note', event.target.value)}
            error={errorOf('note')}
            hint={t('officerFlow.progress.hint')}
          />
          {photoPicker(t('officerFlow.progress.photos', { max: options.maxPhotos }))}
          <p className="lk-small">{t('officerFlow.progress.public')}</p>
        </>
      );
      break;
    case 'respond':
      fields = (
        <>
          <TextArea label={t('action.respond.text')} required rows={5} maxLength={4000} value={values.response ?? ''} onChange={(event) => set('response', event.target.value)} error={errorOf('response')} hint={t('action.respond.hint')} />
          {photoPicker(t('action.respond.photos', { max: options.maxPhotos }))}
          <p className="lk-small">{t('action.respond.public')}</p>
        </>
      );
      break;
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={isFlowAction(action) ? t(`officerFlow.${action}.title`, { ticket: report.ticket }) : t(`action.${action}.title`, { ticket: report.ticket })}
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form="lk-action-form" variant={action === 'reject' ? 'danger' : 'primary'} loading={busy}>
            {isFlowAction(action) ? t(`officerFlow.${action}.confirm`) : t(`action.${action}.confirm`)}
          </Button>
        </>
      }
    >
      <form
        id="lk-action-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {fields}
        <FormError>{generalShown ? error.message : null}</FormError>
      </form>
    </Dialog>
  );
}
