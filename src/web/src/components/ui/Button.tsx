import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Icon, type IconName } from './Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'ghost';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  icon?: IconName;
  loading?: boolean;
  block?: boolean;
  /** Icon-only button: `label` becomes the accessible name. */
  iconOnly?: boolean;
  label?: string;
  children?: ReactNode;
}

function buttonClass(variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md', extra = '') {
  return ['btn', `btn-${variant}`, size === 'sm' && 'btn-sm', extra].filter(Boolean).join(' ');
}

export const Button = forwardRef<HTMLButtonElement, Props>(function Button(
  { variant = 'secondary', size = 'md', icon, loading, block, iconOnly, label, children, className, disabled, type = 'button', ...rest },
  ref,
) {
  const cls = buttonClass(variant, size, [iconOnly && 'btn-icon', block && 'btn-block', className].filter(Boolean).join(' '));
  return (
    <button
      ref={ref}
      type={type}
      className={cls}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      aria-label={iconOnly ? label : undefined}
      title={iconOnly ? label : rest.title}
      {...rest}
    >
      {loading ? <span className="spinner" aria-hidden="true" /> : icon ? <Icon name={icon} /> : null}
      {!iconOnly && children}
    </button>
  );
});

export function ButtonLink({ variant = 'secondary', size = 'md', icon, children, className, ...rest }: LinkProps & { variant?: ButtonVariant; size?: 'sm' | 'md'; icon?: IconName }) {
  return (
    <Link className={buttonClass(variant, size, className)} {...rest}>
      {icon && <Icon name={icon} />}
      {children}
    </Link>
  );
}
