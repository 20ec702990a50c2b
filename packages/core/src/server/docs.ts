/**
 * A human page for the OpenAPI document, rendered on the server: no CDN, readable on a phone,
 * so a journalist or another region's developer can browse the API without tools.
 */
import type { OpenApiDocument } from './openapi.js';

type PathItem = NonNullable<OpenApiDocument['paths']>[string];
const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const isMethod = (key: string): key is (typeof httpMethods)[number] => (httpMethods as readonly string[]).includes(key);
/** The operations of a path, in the document's order (a path item also holds `parameters`, `summary`…). */
const operationsOf = (item: PathItem) => Object.keys(item).filter(isMethod).flatMap((method) => (item[method] ? [[method, item[method]] as const] : []));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function apiDocsHtml(document: OpenApiDocument, specUrl: string): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of operationsOf(methods)) {
      const tag = operation.tags?.[0] ?? 'other';
      const parameters = (operation.parameters ?? [])
        .flatMap((parameter) => ('$ref' in parameter ? [] : [parameter]))
        .map((parameter) => `<li><code>${escape(parameter.name)}</code> <small>(${escape(parameter.in)}${parameter.required ? ', required' : ''})</small>${parameter.description ? ` — ${escape(parameter.description)}` : ''}</li>`)
        .join('');
      const requestBody = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody : undefined;
      const body = requestBody
        ? Object.entries(requestBody.content)
            .map(([type, media]) => `<details><summary>Body <code>${escape(type)}</code></summary><pre>${escape(JSON.stringify(media.schema, null, 2))}</pre></details>`)
            .join('')
        : '';
      const responses = Object.entries(operation.responses ?? {})
        .map(([status, response]: [string, { description?: unknown }]) => `<li><code>${escape(status)}</code> ${escape(typeof response.description === 'string' ? response.description : '')}</li>`)
        .join('');
      const html = `<section class="op"><h3><span class="m ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(operation.summary ?? '')}</p>${operation.description ? `<p>${escape(operation.description)}</p>` : ''}
${parameters ? `<h4>Parameters</h4><ul>${parameters}</ul>` : ''}${body}<h4>Responses</h4><ul>${responses}</ul></section>`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag.entries()].map(([tag, operations]) => `<h2 id="${escape(tag)}">${escape(tag)}</h2>${operations.join('\n')}`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info.title)} — API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1b1f24}code,pre{font-family:ui-monospace,monospace}pre{background:#f4f5f7;padding:.75rem;overflow:auto;font-size:.85rem}
.op{border:1px solid #d0d4da;border-radius:8px;padding:.25rem 1rem;margin:1rem 0}.m{display:inline-block;min-width:4.5rem;padding:0 .4rem;border-radius:4px;color:#fff;background:#555;font-size:.85rem;text-align:center}
.get{background:#1f6f43}.post{background:#0b5cad}.put,.patch{background:#8a5a00}.delete{background:#b42318}h3{font-size:1rem;word-break:break-all}</style></head>
<body><header><h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
${document.info.description ? `<p>${escape(document.info.description)}</p>` : ''}<p>Machine-readable: <a href="${escape(specUrl)}">OpenAPI 3.1 document</a>. Errors are <a href="https://www.rfc-editor.org/rfc/rfc9457">RFC 9457</a> problem+json.</p>
<nav><ul>${[...byTag.keys()].map((tag) => `<li><a href="#${escape(tag)}">${escape(tag)}</a></li>`).join('')}</ul></nav></header>
<main>${sections}</main></body></html>`;
}
