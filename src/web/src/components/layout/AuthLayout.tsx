import type { ReactNode } from 'react';
import { Logo } from '../ui/Icon';

export function AuthLayout({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <main className="auth">
      <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <div className="auth-brand">
          <Logo />
          atrium
        </div>
        {children}
      </div>
    </main>
  );
}
