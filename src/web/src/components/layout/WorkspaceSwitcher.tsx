import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { useWorkspaces } from '../../api/queries';
import type { Workspace } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { capitalize } from '../../lib/format';
import { Avatar } from '../ui/Avatar';
import { Icon } from '../ui/Icon';

/** Workspace picker: a disclosure button and a menu of links (arrow keys move, Escape closes). */
export function WorkspaceSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const { workspace } = useWorkspace();
  const workspaces = useWorkspaces();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const navigate = useNavigate();
  useOutsideClick(root, open, () => setOpen(false));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = Array.from(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  const choose = (to: string) => {
    setOpen(false);
    onNavigate?.();
    navigate(to);
  };

  return (
    <div className="switcher" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={workspace.name} seed={workspace.id} square />
        <span className="truncate">
          <span className="name truncate">{workspace.name}</span>
          <span className="role">{capitalize(workspace.role)}</span>
        </span>
        <Icon name="selector" />
        <span className="sr-only">Switch workspace</span>
      </button>
      {open && <WorkspaceMenu id={menuId} workspaces={workspaces.data ?? []} currentId={workspace.id} onChoose={choose} />}
    </div>
  );
}

/** While open: a press outside `root` closes, and focus moves to the first menu item. */
function useOutsideClick(root: RefObject<HTMLElement | null>, open: boolean, close: () => void) {
  // The latest `close` without re-subscribing on every render: only opening and closing matter.
  const onOutside = useEffectEvent(close);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) onOutside();
    };
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, root]);
}

function WorkspaceMenu({ id, workspaces, currentId, onChoose }: { id: string; workspaces: Workspace[]; currentId: string; onChoose: (to: string) => void }) {
  return (
    <div className="menu" role="menu" id={id} aria-label="Workspaces">
      <div className="menu-label">Workspaces</div>
      {workspaces.map((ws) => (
        <MenuLink key={ws.id} to={`/w/${ws.slug}`} onChoose={onChoose} current={ws.id === currentId}>
          <Avatar name={ws.name} seed={ws.id} size="sm" square />
          <span className="truncate">{ws.name}</span>
          {ws.id === currentId && <Icon name="check" className="check" />}
        </MenuLink>
      ))}
      <div className="menu-sep" role="separator" />
      <MenuLink to="/new" onChoose={onChoose}>
        <Icon name="plus" />
        Create workspace
      </MenuLink>
    </div>
  );
}

/** A real link (middle-click, copy address) whose click goes through `onChoose`, which closes the menu first. */
function MenuLink({ to, current, onChoose, children }: { to: string; current?: boolean; onChoose: (to: string) => void; children: ReactNode }) {
  return (
    <Link
      to={to}
      role="menuitem"
      className="menu-item"
      aria-current={current ? 'true' : undefined}
      onClick={(e) => {
        e.preventDefault();
        onChoose(to);
      }}
    >
      {children}
    </Link>
  );
}
