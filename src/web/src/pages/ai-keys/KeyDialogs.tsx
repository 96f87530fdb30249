import { api } from '../../api/client';
import type { AiKey } from '../../api/types';
import { Field, Input, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { useToast } from '../../components/ui/Toast';
import { useForm } from '../../lib/useForm';
import { LIMIT_FIELDS, limitsBody, LimitsFields, limitsOf, type LimitValues } from './shared';

interface EditValues extends LimitValues {
  key_name: string;
}

export function EditKeyDialog({ aiKey, onClose, onSaved }: { aiKey: AiKey; onClose: () => void; onSaved: (k: AiKey) => void }) {
  const toast = useToast();
  const form = useForm<EditValues>({ key_name: aiKey.key_name, ...limitsOf(aiKey) });
  const submit = async () => {
    const updated = await form.submit((v) => api.patch<AiKey>(`/api/ai-keys/${aiKey.id}`, { key_name: v.key_name.trim(), ...limitsBody(v) }), ['key_name', ...LIMIT_FIELDS]);
    if (updated) {
      onSaved(updated);
      toast.success('Limits saved.');
      onClose();
    }
  };
  return (
    <FormDialog
      wide
      onClose={onClose}
      icon="gauge"
      title="Name, limits and caps"
      description="Limits apply before each gateway request; empty fields mean no limit."
      onSubmit={submit}
      submitLabel="Save"
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="Name" error={form.fieldErrors.key_name}>
        <Input value={form.values.key_name} onChange={(e) => form.set('key_name', e.target.value)} />
      </Field>
      <LimitsFields values={form.values} set={(k, v) => form.set(k, v)} errors={form.fieldErrors} />
    </FormDialog>
  );
}

const GRACE = [
  { value: 0, label: 'Stop using the old key now' },
  { value: 3600, label: 'Keep the old key as fallback for 1 hour' },
  { value: 86_400, label: 'Keep the old key as fallback for 24 hours' },
  { value: 7 * 86_400, label: 'Keep the old key as fallback for 7 days' },
];

/** Replaces the secret; id, limits, default flag and usage history stay. */
export function RotateKeyDialog({ aiKey, onClose, onSaved }: { aiKey: AiKey; onClose: () => void; onSaved: (k: AiKey) => void }) {
  const toast = useToast();
  const form = useForm({ api_key: '', grace_period_seconds: '0' });
  const submit = async () => {
    const updated = await form.submit(
      (v) => api.post<AiKey>(`/api/ai-keys/${aiKey.id}/rotate`, { api_key: v.api_key.trim(), grace_period_seconds: Number(v.grace_period_seconds) }),
      ['api_key', 'grace_period_seconds'],
    );
    if (updated) {
      onSaved(updated);
      toast.success(`${aiKey.key_name} rotated: new requests use the new key.`);
      onClose();
    }
  };
  return (
    <FormDialog
      onClose={onClose}
      icon="rotate"
      title={`Rotate ${aiKey.key_name}`}
      description={`Paste the new ${aiKey.provider_name} key. It serves every new request at once.`}
      onSubmit={submit}
      submitLabel="Rotate key"
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="New API key" error={form.fieldErrors.api_key}>
        <Input mono autoFocus type="password" autoComplete="off" spellCheck={false} value={form.values.api_key} onChange={(e) => form.set('api_key', e.target.value)} />
      </Field>
      <Field label="Old key" error={form.fieldErrors.grace_period_seconds}>
        <Select value={form.values.grace_period_seconds} onChange={(e) => form.set('grace_period_seconds', e.target.value)}>
          {GRACE.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
