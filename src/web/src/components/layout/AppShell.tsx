import { useEffect, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useSession, useUser } from '../../app/session';
import { useWorkspace } from '../../app/workspace';
import type { Action } from '../../lib/permissions';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import { Icon, Logo, type IconName } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

interface NavItem {
  to: string;
  label: string;
  icon: IconName;
  /** Hidden when the member's role cannot read it (the API would answer 403). */
  needs?: Action;
}

const WORKSPACE_NAV: NavItem[] = [
  { to: 'members', label: 'Members', icon: 'users', needs: 'member.read' },
  { to: 'activity', label: 'Activity', icon: 'activity', needs: 'activity.read' },
  { to: 'webhooks', label: 'Webhooks', icon: 'webhook', needs: 'webhook.read' },
  { to: 'ai-keys', label: 'AI keys', icon: 'sparkles', needs: 'ai_key.read' },
  { to: 'ai-spend', label: 'AI spend', icon: 'chart', needs: 'ai_limit.read' },
  { to: 'ai-routes', label: 'AI routes', icon: 'arrowRight', needs: 'ai_route.read' },
];

const ACCOUNT_NAV: NavItem[] = [
  { to: 'api-tokens', label: 'API tokens', icon: 'token' },
  { to: 'settings', label: 'Settings', icon: 'settings' },
];

export function AppShell({ children }: { children: ReactNode }) {
  const ws = useWorkspace();
  const location = useLocation();
  const [drawer, setDrawer] = usePhoneDrawer(location.pathname);
  const phone = useMediaQuery('(max-width: 880px)');
  const current = [...WORKSPACE_NAV, ...ACCOUNT_NAV].find((i) => location.pathname.startsWith(ws.to(i.to)));

  return (
    <div className={drawer ? 'shell drawer-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {/* Off-screen on phones until opened: inert keeps it out of the tab order meanwhile. */}
      <aside className="sidebar" aria-label="Sidebar" inert={phone && !drawer}>
        <Link to="/" className="sidebar-brand">
          <Logo />
          atrium
        </Link>
        <WorkspaceSwitcher />
        <nav className="nav" aria-label="Workspace">
          {WORKSPACE_NAV.map((item) => (
            <NavItemLink key={item.to} item={item} />
          ))}
          <div className="nav-label">Configure</div>
          {ACCOUNT_NAV.map((item) => (
            <NavItemLink key={item.to} item={item} />
          ))}
          <a className="nav-link" href="/docs" target="_blank" rel="noreferrer">
            <Icon name="external" />
            API reference
          </a>
        </nav>
        <div className="sidebar-footer">
          <UserChip />
        </div>
      </aside>
      <div className="drawer-backdrop" onClick={() => setDrawer(false)} aria-hidden="true" />
      <div className="main">
        <header className="topbar">
          <Button variant="ghost" iconOnly icon="menu" label="Open navigation" aria-expanded={drawer} onClick={() => setDrawer(true)} />
          <span className="title truncate">{current?.label ?? ws.workspace.name}</span>
          <span className="muted small truncate" style={{ marginLeft: 'auto' }}>
            {ws.workspace.name}
          </span>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** The sidebar as a drawer on phones: closes after navigating and on Escape; opening it moves focus into it. */
function usePhoneDrawer(pathname: string) {
  const [drawer, setDrawer] = useState(false);
  // Close the phone drawer after navigating: adjusted while rendering the new page rather than
  // in an effect after it, which would render it once more.
  const [drawerPath, setDrawerPath] = useState(pathname);
  if (drawerPath !== pathname) {
    setDrawerPath(pathname);
    setDrawer(false);
  }
  useEffect(() => {
    if (!drawer) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setDrawer(false);
    window.addEventListener('keydown', onKey);
    document.querySelector<HTMLElement>('.sidebar .switcher-button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [drawer]);
  return [drawer, setDrawer] as const;
}

/** A nav entry, left out when the member's role cannot read what it leads to. */
function NavItemLink({ item }: { item: NavItem }) {
  const ws = useWorkspace();
  if (item.needs && !ws.can(item.needs)) return null;
  return (
    <NavLink to={ws.to(item.to)} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
      <Icon name={item.icon} />
      {item.label}
    </NavLink>
  );
}

function UserChip() {
  const user = useUser();
  const { signOut } = useSession();
  const toast = useToast();
  const navigate = useNavigate();
  return (
    <div className="user-chip">
      <Avatar name={user.name} seed={user.id} />
      <span className="who">
        <strong className="truncate">{user.name}</strong>
        <span className="truncate">{user.email}</span>
      </span>
      <Button
        variant="ghost"
        size="sm"
        iconOnly
        icon="logout"
        label="Sign out"
        onClick={() =>
          signOut().then(
            () => navigate('/signin', { replace: true }),
            () => toast.error('Could not sign out. Try again.'),
          )
        }
      />
    </div>
  );
}
