/**
 * Checks a form's values with the same zod schema the server validates the request with, before sending, and
 * gives one issue per field ("price", "prices.3.price") so the form can show it where the server would.
 */
import type { z } from '@kota-kit/core';

export interface FieldIssue {
  code: string;
  message: string;
}

export function schemaIssues(schema: z.ZodType, value: unknown): Record<string, FieldIssue> {
  const result = schema.safeParse(value);
  const issues: Record<string, FieldIssue> = {};
  if (result.success) return issues;
  for (const issue of result.error.issues) issues[issue.path.map(String).join('.')] ??= { code: issue.code, message: issue.message };
  return issues;
}
