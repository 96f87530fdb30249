import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useWorkspaces } from '../../api/queries';
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

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
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
      {open && (
        <div className="menu" role="menu" id={menuId} aria-label="Workspaces">
          <div className="menu-label">Workspaces</div>
          {(workspaces.data ?? []).map((ws) => (
            <Link
              key={ws.id}
              to={`/w/${ws.slug}`}
              role="menuitem"
              className="menu-item"
              aria-current={ws.id === workspace.id ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault();
                choose(`/w/${ws.slug}`);
              }}
            >
              <Avatar name={ws.name} seed={ws.id} size="sm" square />
              <span className="truncate">{ws.name}</span>
              {ws.id === workspace.id && <Icon name="check" className="check" />}
            </Link>
          ))}
          <div className="menu-sep" role="separator" />
          <Link
            to="/new"
            role="menuitem"
            className="menu-item"
            onClick={(e) => {
              e.preventDefault();
              choose('/new');
            }}
          >
            <Icon name="plus" />
            Create workspace
          </Link>
        </div>
      )}
    </div>
  );
}
