import { fileURLToPath } from 'node:url';

/** The module template shipped beside dist/ (copied from packages/module-template at build). */
export const templateDir = fileURLToPath(new URL('../template', import.meta.url));
