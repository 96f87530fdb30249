import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  icon?: IconName;
  tone?: 'primary' | 'danger' | 'success';
  wide?: boolean;
  /** When set, body and footer are wrapped in a <form> so Enter submits. */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  footer?: ReactNode;
  children?: ReactNode;
  /** Secrets shown once: don't let a stray Escape or backdrop click throw them away. */
  dismissible?: boolean;
}

/**
 * A modal on the native <dialog> element: the browser traps focus, makes the
 * page inert and handles Escape. Mounted only while open, so forms inside
 * start fresh each time; focus returns to whatever opened it.
 */
export function Dialog(props: DialogProps) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({ onClose, title, description, icon, tone = 'primary', wide, onSubmit, footer, children, dismissible = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const descId = useId();

  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Runs while the dialog is still modal (the page inert): close it first, or focus() would be ignored.
      if (dialog?.open) dialog.close();
      if (opener && document.contains(opener)) opener.focus();
    };
  }, []);

  // Latest onClose without re-running the effect above.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  const body = (
    <>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) close.current();
      }}
      onMouseDown={(e) => {
        pressedOnBackdrop.current = e.target === ref.current;
      }}
      onClick={(e) => {
        // Only a click that started and ended on the backdrop closes: selecting text and releasing outside does not.
        if (dismissible && pressedOnBackdrop.current && e.target === ref.current) close.current();
      }}
    >
      <div className="dialog-header">
        {icon && (
          <span className={`dialog-icon ${tone !== 'primary' ? `dialog-icon-${tone}` : ''}`}>
            <Icon name={icon} />
          </span>
        )}
        <div>
          <h2 id={titleId}>{title}</h2>
          {description && <p id={descId}>{description}</p>}
        </div>
        {dismissible && <Button variant="ghost" size="sm" iconOnly icon="x" label="Close" onClick={() => close.current()} />}
      </div>
      {onSubmit ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit(e);
          }}
        >
          {body}
        </form>
      ) : (
        body
      )}
    </dialog>
  );
}
