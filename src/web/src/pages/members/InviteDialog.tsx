import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { InvitationWithLink, Role } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { SecretBox } from '../../components/ui/Copy';
import { Field, Input, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog';
import { capitalize } from '../../lib/format';
import { ROLE_DESCRIPTIONS } from '../../lib/permissions';
import { useForm } from '../../lib/useForm';

export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <InviteForm onClose={onClose} /> : null;
}

function InviteForm({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const defaultRole: Role = ws.assignableRoles.includes('developer') ? 'developer' : ws.assignableRoles[0];
  const form = useForm<{ email: string; role: string }>({ email: '', role: defaultRole });
  const [created, setCreated] = useState<InvitationWithLink | null>(null);

  if (created) return <InvitationLinkDialog invitation={created} onClose={onClose} title="Invitation created" />;

  const submit = async () => {
    const result = await form.submit((v) => api.post<InvitationWithLink>(`/api/workspaces/${ws.workspace.id}/invitations`, { email: v.email.trim(), role: v.role }));
    if (result) {
      await queryClient.invalidateQueries({ queryKey: keys.invitations(ws.workspace.id) });
      setCreated(result);
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      icon="mail"
      title="Invite a member"
      description={`They get a link to join ${ws.workspace.name}. It works once and expires after a week.`}
      onSubmit={submit}
      submitLabel="Create invitation"
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="E-mail address" error={form.fieldErrors.email}>
        <Input type="email" autoFocus placeholder="colleague@company.com" value={form.values.email} onChange={(e) => form.set('email', e.target.value)} />
      </Field>
      <Field label="Role" hint={ROLE_DESCRIPTIONS[form.values.role]} error={form.fieldErrors.role}>
        <Select value={form.values.role} onChange={(e) => form.set('role', e.target.value)}>
          {ws.assignableRoles.map((r) => (
            <option key={r} value={r}>
              {capitalize(r)}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}

/** The link is only ever available right after creating or resending: show it with a copy button. */
export function InvitationLinkDialog({ invitation, onClose, title }: { invitation: InvitationWithLink; onClose: () => void; title: string }) {
  return (
    <ShownOnceDialog onClose={onClose} title={title} description={`Send this link to ${invitation.email}. They join as ${invitation.role} after signing in with that address.`}>
      <SecretBox value={invitation.url} label="Invitation link" warning="This link is shown only now. If it gets lost, resend the invitation to get a new one." />
    </ShownOnceDialog>
  );
}
