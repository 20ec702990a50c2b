import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from '../translator.js';
import { Icon } from '../icons.js';

/* ---------- Dialog ---------- */

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, e.g. cancel and confirm. */
  actions?: ReactNode;
}

/** A modal on the native <dialog>: the browser traps focus and closes on Escape; focus returns to the opener. */
export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const { t } = useTranslation('core');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      opener?.focus?.();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="kk-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Let React own the open state; Escape asks the parent to close.
        event.preventDefault();
        onClose();
      }}
    >
      <div className="kk-dialog__header">
        <h2 id={titleId} className="kk-dialog__title">
          {title}
        </h2>
        <button type="button" className="kk-icon-button" onClick={onClose} aria-label={t('close')}>
          <Icon name="close" />
        </button>
      </div>
      <div className="kk-dialog__body">{children}</div>
      {actions && <div className="kk-dialog__actions">{actions}</div>}
    </dialog>
  );
}
