/**
 * The server's zod schemas, used before sending. Core's `useApiForm` checks a form with a schema and shows zod's
 * own messages; two things it cannot do are here: read a form's texts into the body the server takes (a price
 * typed as "12.500" is the number 12500), and say a refusal in this page's words ("Tulis dasar hukum minimal 5
 * huruf."). `schemaIssues` serves the entry form, whose errors belong to rows rather than to named fields.
 */
import { z } from '@kota-kit/core';

export interface FieldIssue {
  code: string;
  message: string;
}

/** One issue per field ("price", "prices.3.price"), the first one zod found. */
export function schemaIssues(schema: z.ZodType, value: unknown): Record<string, FieldIssue> {
  const result = schema.safeParse(value);
  const issues: Record<string, FieldIssue> = {};
  if (result.success) return issues;
  for (const issue of result.error.issues) issues[issue.path.map(String).join('.')] ??= { code: issue.code, message: issue.message };
  return issues;
}

/**
 * A schema for `useApiForm`: turns the form's values into the request body, checks the body with the server's
 * schema, and words each refusal with `words(field, body)` (zod's message when it gives none). Its output is
 * the parsed body, ready for the typed client.
 */
export function serverChecked<Values, Body, Input>(
  schema: z.ZodType<Body>,
  toBody: (values: Values) => Input,
  words: (field: string, body: Input) => string | undefined,
): z.ZodType<Body, Values> {
  return z.custom<Values>().transform(async (values, ctx) => {
    const body = toBody(values);
    const result = await schema.safeParseAsync(body);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: words(issue.path.map(String).join('.'), body) ?? issue.message });
    }
    return z.NEVER;
  });
}
