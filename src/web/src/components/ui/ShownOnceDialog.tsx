import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

/**
 * A secret or link the server returns exactly once: not dismissible by Escape
 * or a stray click, only by Done, so it cannot be thrown away by accident.
 */
export function ShownOnceDialog({ onClose, title, description, children }: { onClose: () => void; title: ReactNode; description: ReactNode; children: ReactNode }) {
  return (
    <Dialog
      open
      onClose={onClose}
      dismissible={false}
      icon="checkCircle"
      tone="success"
      title={title}
      description={description}
      footer={
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      }
    >
      {children}
    </Dialog>
  );
}
