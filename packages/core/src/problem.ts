/** RFC 9457 problem details, as every Kota Kit API answers errors. */
export interface FieldError {
  /** Where the bad value is: "body.title", "query.from", "params.id". */
  field: string;
  message: string;
  code?: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Present on validation problems: one entry per bad field. */
  errors?: FieldError[];
}

export const problemTypes = {
  validation: 'https://kota-kit.dev/problems/validation',
  unauthenticated: 'https://kota-kit.dev/problems/unauthenticated',
  forbidden: 'https://kota-kit.dev/problems/forbidden',
  notFound: 'https://kota-kit.dev/problems/not-found',
  conflict: 'https://kota-kit.dev/problems/conflict',
  rateLimited: 'https://kota-kit.dev/problems/rate-limited',
  methodNotAllowed: 'https://kota-kit.dev/problems/method-not-allowed',
  tooLarge: 'https://kota-kit.dev/problems/too-large',
  internal: 'about:blank',
} as const;

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value && 'type' in value;
}

/** A module's own validation message in each language the kit speaks. */
export interface LocalMessages {
  en: string;
  id: string;
}

/** A text a server writes for people: one string, or one per language (answered in the request's language). */
export type LocalText = string | LocalMessages;

/** A field error as a handler raises it: its message may be given per language. */
export interface FieldErrorInput extends Omit<FieldError, 'message'> {
  message: LocalText;
}

/** `text` in `language` (English when that language is missing). */
export function textIn(text: LocalText, language: string): string {
  return typeof text === 'string' ? text : (text[language as keyof LocalMessages] ?? text.en);
}

/**
 * A module's own validation message, answered in the request's language:
 * `.refine(check, { path: ['endsOn'], ...localMessage({ en: 'The fair ends before it starts.', id: 'Bursa kerja berakhir sebelum dimulai.' }) })`
 * (also in `ctx.addIssue({ code: 'custom', path, ...localMessage(…) })`). Zod's own messages are translated already.
 */
export function localMessage(messages: LocalMessages): { message: string; params: { messages: LocalMessages } } {
  return { message: messages.en, params: { messages } };
}

/** The text of an issue made with `localMessage` in `language`, or undefined for any other issue. */
export function localIssueMessage(issue: { params?: unknown }, language: string): string | undefined {
  const messages = (issue.params as { messages?: Partial<Record<string, unknown>> } | undefined)?.messages;
  const text = messages?.[language];
  return typeof text === 'string' ? text : undefined;
}
