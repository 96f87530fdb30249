import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { Button } from '../../components/ui/Button';
import { Field, Input } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { LoadingRows } from '../../components/ui/States';
import { useToast } from '../../components/ui/Toast';
import { useForm } from '../../lib/useForm';

type Limits = ResponseOf<'/api/workspaces/{id}/ai-limits/workspace', 'get'>;

const FIELDS = [
  { name: 'rate_limit_rpm', label: 'Requests per minute' },
  { name: 'rate_limit_tpm', label: 'Tokens per minute' },
  { name: 'usage_limit', label: 'Requests per month' },
  { name: 'cost_limit', label: 'Cost per month (USD)' },
] as const;

type Draft = Record<(typeof FIELDS)[number]['name'] | 'allowed_models' | 'allowed_providers', string>;

const toDraft = (l: Limits): Draft => ({
  rate_limit_rpm: l.rate_limit_rpm?.toString() ?? '',
  rate_limit_tpm: l.rate_limit_tpm?.toString() ?? '',
  usage_limit: l.usage_limit?.toString() ?? '',
  cost_limit: l.cost_limit?.toString() ?? '',
  allowed_models: l.allowed_models?.join(', ') ?? '',
  allowed_providers: l.allowed_providers?.join(', ') ?? '',
});

const list = (text: string) => (text.trim() ? text.split(',').map((s) => s.trim()).filter(Boolean) : null);
/** Empty is no limit; text that is not a number goes as typed, so the server names the field (Number() would make it NaN, sent as null: no limit). */
const number = (text: string) => {
  const t = text.trim();
  if (t === '') return null;
  return Number.isFinite(Number(t)) ? Number(t) : t;
};

/** A "Limits" button opening the gateway limits editor of the workspace, a member or a token (`path`: its ai-limits URL). */
export function LimitsButton({ path, subject }: { path: string; subject: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" variant="ghost" icon="chart" onClick={() => setOpen(true)} aria-label={`AI limits of ${subject}`}>
        Limits
      </Button>
      {open && <LimitsDialog path={path} subject={subject} onClose={() => setOpen(false)} />}
    </>
  );
}

function LimitsDialog({ path, subject, onClose }: { path: string; subject: string; onClose: () => void }) {
  const limits = useQuery({ queryKey: ['ai-limits', path], queryFn: () => api.get<Limits>(path) });
  return limits.data ? <LimitsForm path={path} subject={subject} limits={limits.data} onClose={onClose} /> : <LoadingRows />;
}

function LimitsForm({ path, subject, limits, onClose }: { path: string; subject: string; limits: Limits; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm<Draft>(toDraft(limits));
  const draft = form.values;

  // Field errors from the server (a negative rpm, say) land under their field.
  async function run(action: () => Promise<unknown>, done: string) {
    const ok = await form.submit(async () => {
      await action();
      return true;
    });
    if (!ok) return;
    await queryClient.invalidateQueries({ queryKey: ['ai-limits', path] });
    toast.success(done);
    onClose();
  }

  const save = () =>
    run(
      () =>
        api.put(path, {
          rate_limit_rpm: number(draft.rate_limit_rpm),
          rate_limit_tpm: number(draft.rate_limit_tpm),
          usage_limit: number(draft.usage_limit),
          cost_limit: number(draft.cost_limit),
          allowed_models: list(draft.allowed_models),
          allowed_providers: list(draft.allowed_providers),
        }),
      'Limits saved.',
    );

  return (
    <FormDialog
      onClose={onClose}
      title={`AI limits of ${subject}`}
      description="Empty fields mean no limit. Requests must also fit the key's, the member's and the workspace's limits."
      icon="chart"
      onSubmit={save}
      submitLabel="Save limits"
      submitting={form.submitting}
      error={form.formError}
      extraActions={
        limits.updated_at && (
          <Button variant="danger-outline" disabled={form.submitting} onClick={() => run(() => api.del(path), 'Limits cleared.')}>
            Clear limits
          </Button>
        )
      }
    >
      {FIELDS.map((f) => (
        <Field key={f.name} label={f.label} optional error={form.fieldErrors[f.name]}>
          <Input inputMode="decimal" value={draft[f.name]} onChange={(e) => form.set(f.name, e.target.value)} />
        </Field>
      ))}
      <Field label="Allowed models" hint="Comma-separated, e.g. openai/gpt-4o-mini" optional error={form.fieldErrors.allowed_models}>
        <Input value={draft.allowed_models} onChange={(e) => form.set('allowed_models', e.target.value)} />
      </Field>
      <Field label="Allowed providers" hint="Comma-separated, e.g. openai, anthropic" optional error={form.fieldErrors.allowed_providers}>
        <Input value={draft.allowed_providers} onChange={(e) => form.set('allowed_providers', e.target.value)} />
      </Field>
    </FormDialog>
  );
}
