import { Icon } from '@kota-kit/core/client';
import { useId, useState, type ReactNode } from 'react';
import { useT } from './shared.js';

export type TermName = 'HET' | 'HAP';

/**
 * A term a citizen may not know (HET, HAP), with its plain meaning on tap: a button that opens a short note in
 * place (keyboard and screen readers too: aria-expanded, the note is the next thing read). A candidate for core.
 */
export function Term({ name, children }: { name: TermName; children?: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span className="hp-term">
      <button type="button" className="hp-term__button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {children ?? name}
        <Icon name="info" />
        <span className="kk-visually-hidden"> {t('terms.explain')}</span>
      </button>
      <span id={id} className="hp-term__text" role="note" hidden={!open}>
        <strong>{t(`terms.${name}.long`)}</strong>: {t(`terms.${name}.meaning`)}
      </span>
    </span>
  );
}
