import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from './translator.js';
import { Button, Dialog, FormError } from './components.js';
import { Icon } from './icons.js';

export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, in plain words ("Laporan akan ditolak dan pelapor diberi tahu."). */
  children?: ReactNode;
  /** The confirm button's text: say the action ("Tolak laporan"), not "OK". Default: "Ya, lanjutkan". */
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** A destructive action (delete, reject, revoke): a red confirm button, and focus starts on Cancel. */
  destructive?: boolean;
  /** May return a promise: the button shows a spinner meanwhile; a thrown error is shown in the dialog, which stays open. */
  onConfirm: () => unknown;
  onCancel: () => void;
}

/**
 * Asks before an action, on the native <dialog> (focus is trapped, Escape cancels, focus returns to the opener).
 * Focus starts on the confirm button, or on Cancel when the action is destructive, so Enter never destroys by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, destructive = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation('core');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    setError(null);
    // Runs after Dialog's own effect (children first), which has opened the dialog.
    (destructive ? cancelRef : confirmRef).current?.focus();
  }, [open, destructive]);
  const cancel = () => {
    if (!busy) onCancel();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught instanceof Error && caught.message ? caught.message : t('error.description'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onClose={cancel}
      title={
        <>
          {destructive && <Icon name="warning" className="kk-confirm__icon" />} {title}
        </>
      }
      actions={
        <>
          <Button ref={cancelRef} variant="secondary" onClick={cancel} disabled={busy}>
            {cancelLabel ?? t('confirm.cancel')}
          </Button>
          <Button ref={confirmRef} variant={destructive ? 'danger' : 'primary'} loading={busy} onClick={() => void confirm()}>
            {confirmLabel ?? t('confirm.ok')}
          </Button>
        </>
      }
    >
      {children}
      <FormError>{error}</FormError>
    </Dialog>
  );
}
