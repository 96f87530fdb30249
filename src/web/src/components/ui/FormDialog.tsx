import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';
import type { IconName } from './Icon';

interface FormDialogProps {
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  icon: IconName;
  wide?: boolean;
  onSubmit: () => unknown;
  submitLabel: ReactNode;
  submitting: boolean;
  /** The form-level message (what no field claims), shown above the fields. */
  error?: string | null;
  /** Footer buttons before Cancel, e.g. a step back. */
  extraActions?: ReactNode;
  children: ReactNode;
}

/** The console's form in a dialog: Enter submits, the footer is Cancel + the submit button, errors show on top. */
export function FormDialog({ onClose, title, description, icon, wide, onSubmit, submitLabel, submitting, error, extraActions, children }: FormDialogProps) {
  return (
    <Dialog
      open
      wide={wide}
      onClose={onClose}
      icon={icon}
      title={title}
      description={description}
      onSubmit={onSubmit}
      footer={
        <>
          {extraActions}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" loading={submitting}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {error && <Alert tone="danger">{error}</Alert>}
      {children}
    </Dialog>
  );
}
