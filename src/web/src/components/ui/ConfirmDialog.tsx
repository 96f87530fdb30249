import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Field, Input } from './Field';
import type { IconName } from './Icon';

interface Props {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  icon?: IconName;
  /** Destructive actions ask the person to type this (e.g. the workspace slug) first. */
  confirmText?: string;
  onConfirm: () => Promise<unknown>;
}

/** Replaces window.confirm: states the consequence, shows the server's error in place, and can require typing a name. */
export function ConfirmDialog({ open, onClose, title, description, children, confirmLabel, tone = 'danger', icon, confirmText, onConfirm }: Props) {
  return open ? <ConfirmBody {...{ open, onClose, title, description, children, confirmLabel, tone, icon, confirmText, onConfirm }} /> : null;
}

function ConfirmBody({ onClose, title, description, children, confirmLabel, tone = 'danger', icon, confirmText, onConfirm }: Props) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = !confirmText || typed.trim() === confirmText;

  const submit = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={() => !busy && onClose()}
      title={title}
      description={description}
      icon={icon ?? (tone === 'danger' ? 'alert' : 'info')}
      tone={tone}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={tone === 'danger' ? 'danger' : 'primary'} loading={busy} disabled={!ready}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {confirmText && (
        <Field label={<>Type <strong className="mono">{confirmText}</strong> to confirm</>}>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" autoFocus spellCheck={false} mono />
        </Field>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
    </Dialog>
  );
}
