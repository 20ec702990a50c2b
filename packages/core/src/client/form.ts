/**
 * The form hook every module uses: values, the same zod schema the server validates with (checked before
 * sending, with zod's messages in the current language), and the server's problem+json field errors put back
 * on their fields. No form library: a form in Kota Kit is a handful of fields.
 */
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from './translator.js';
import type { z } from 'zod';
import { ApiError } from './api.js';
import { runtime } from './runtime.js';

export type FieldName<Values> = keyof Values & string;
export type FormErrors<Values> = Partial<Record<FieldName<Values>, string>>;

export interface UseApiFormOptions<Values, Parsed, Result> {
  initial: Values;
  /** The schema the server validates the body with; checked before sending, and its output is what `submit` gets. */
  schema?: z.ZodType<Parsed>;
  /** Sends the form, usually `data(api.reports.$post({ json }))`; an ApiError's field errors land on the fields. */
  submit: (data: Parsed, values: Values) => Promise<Result>;
  onSuccess?: (result: Result, values: Values) => void;
  /**
   * Which field an error path belongs to ("body.report.location.lat" → "point"); null puts the message at the top
   * of the form. By default the location ("body.") is dropped and the path, or else its first segment, must be a field.
   */
  fieldOf?: (path: string) => FieldName<Values> | null;
}

export interface FieldProps {
  name: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
  error: string | undefined;
}

export interface ApiForm<Values, Result> {
  values: Values;
  setValue: <K extends FieldName<Values>>(name: K, value: Values[K]) => void;
  /** Props for core's TextField / TextArea / SelectField: name, value, onChange and the field's error. */
  field: (name: FieldName<Values>) => FieldProps;
  /** One message per field (the first one found). */
  errors: FormErrors<Values>;
  /** The message for the top of the form (FormError): the problem's detail, messages that fit no field, or a network failure. */
  formError: string | null;
  submitting: boolean;
  /** The answer of the last successful submit. */
  result: Result | undefined;
  /** For <form onSubmit>: validates, sends, maps errors, and moves focus to the first bad field. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => Promise<void>;
  setErrors: (errors: FormErrors<Values>, formError?: string | null) => void;
  reset: (values?: Values) => void;
}

/** Default field mapping: "body.title" → "title", "query.from" → "from", "body.location.lat" → "location" when that is a field. */
export function defaultFieldOf<Values>(fields: readonly string[]): (path: string) => FieldName<Values> | null {
  return (path) => {
    const bare = path.replace(/^(body|query|params|headers?|cookies?)\.?/, '');
    if (fields.includes(bare)) return bare as FieldName<Values>;
    const head = bare.split('.')[0] ?? '';
    return fields.includes(head) ? (head as FieldName<Values>) : null;
  };
}

/** Splits field errors (from zod issues or a problem's errors) into per-field messages and messages that fit no field. */
export function mapFieldErrors<Values>(
  errors: readonly { field: string; message: string }[],
  fieldOf: (path: string) => FieldName<Values> | null,
): { fields: FormErrors<Values>; general: string[] } {
  const fields: FormErrors<Values> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = fieldOf(error.field);
    if (field === null) general.push(error.message);
    else fields[field] ??= error.message;
  }
  return { fields, general };
}

type ErrorMap = NonNullable<z.core.ParseContext<z.core.$ZodIssue>['error']>;
let indonesianMessages: Promise<ErrorMap> | undefined;

/** zod's own messages in Bahasa Indonesia, loaded the first time a form is checked in Indonesian. */
async function zodMessages(): Promise<ErrorMap | undefined> {
  if (runtime.language !== 'id') return undefined;
  indonesianMessages ??= import('zod/v4/locales/id.js').then((locale) => locale.default().localeError as ErrorMap);
  return indonesianMessages.catch(() => undefined);
}

export function useApiForm<Values extends Record<string, unknown>, Result = unknown, Parsed = Values>(
  options: UseApiFormOptions<Values, Parsed, Result>,
): ApiForm<Values, Result> {
  const { t } = useTranslation('core');
  const [values, setValues] = useState(options.initial);
  const [errors, setErrorState] = useState<FormErrors<Values>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [result, setResult] = useState<Result>();
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const setValue = useCallback(<K extends FieldName<Values>>(name: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    // The message was about the old value.
    setErrorState((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
  }, []);

  const setErrors = useCallback((next: FormErrors<Values>, nextFormError: string | null = null) => {
    setErrorState(next);
    setFormError(nextFormError);
  }, []);

  const field = (name: FieldName<Values>): FieldProps => ({
    name,
    value: values[name] == null ? '' : String(values[name]),
    onChange: (event) => setValue(name, event.target.value as Values[typeof name]),
    error: errors[name],
  });

  const onSubmit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const form = event?.currentTarget;
    const { schema, submit, onSuccess } = optionsRef.current;
    const current = valuesRef.current;
    const fieldOf = optionsRef.current.fieldOf ?? defaultFieldOf<Values>(Object.keys(current));
    const show = (fields: FormErrors<Values>, message: string | null) => {
      setErrors(fields, message);
      const first = Object.keys(current).find((name) => fields[name as FieldName<Values>]);
      const target = first ? form?.elements.namedItem(first) : null;
      if (target instanceof HTMLElement) target.focus();
    };
    setFormError(null);
    // Without a schema nothing parses the values: `Parsed` is then `Values`, its default, and they are sent as they are.
    let data = current as unknown as Parsed;
    if (schema) {
      const checked = await schema.safeParseAsync(current, { error: await zodMessages() });
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
        const mapped = mapFieldErrors(issues, fieldOf);
        show(mapped.fields, mapped.general.length > 0 ? mapped.general.join(' ') : t('form.invalid'));
        return;
      }
      data = checked.data;
    }
    setSubmitting(true);
    try {
      const answer = await submit(data, current);
      setErrors({});
      setResult(answer);
      onSuccess?.(answer, current);
    } catch (error) {
      if (error instanceof ApiError) {
        const mapped = mapFieldErrors(error.problem.errors ?? [], fieldOf);
        show(mapped.fields, [error.message, ...mapped.general].filter(Boolean).join(' ') || t('error.description'));
      } else {
        const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
        show({}, offline ? t('error.offline') : t('error.description'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const reset = useCallback((next?: Values) => {
    setValues(next ?? optionsRef.current.initial);
    setErrors({});
    setResult(undefined);
  }, [setErrors]);

  return { values, setValue, field, errors, formError, submitting, result, onSubmit, setErrors, reset };
}
