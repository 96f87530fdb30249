import { useWorkspace } from '../../app/workspace';
import { api } from '../../api/client';
import type { AiKey, AiRoute } from '../../api/types';
import { Button } from '../../components/ui/Button';
import { Field, Input, Select } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { useToast } from '../../components/ui/Toast';
import { useForm } from '../../lib/useForm';

interface TargetValue {
  key_id: string;
  model: string;
  weight: string;
}

interface RouteValues extends Record<string, unknown> {
  name: string;
  strategy: 'fallback' | 'weighted';
  targets: TargetValue[];
  max_retries: string;
  breaker_failures: string;
  breaker_cooldown_seconds: string;
}

const initial = (route: AiRoute | null, aiKeys: AiKey[]): RouteValues => ({
  name: route?.name ?? '',
  strategy: route?.strategy ?? 'fallback',
  targets: route?.targets.map((t) => ({ key_id: t.key_id, model: t.model, weight: String(t.weight) })) ?? [{ key_id: aiKeys[0]?.id ?? '', model: '', weight: '1' }],
  max_retries: String(route?.max_retries ?? 1),
  breaker_failures: String(route?.breaker_failures ?? 5),
  breaker_cooldown_seconds: String(route?.breaker_cooldown_seconds ?? 30),
});

/** Create or edit a route: its name, strategy, targets in order (with weights) and retry/breaker settings. */
export function RouteDialog({ route, aiKeys, onClose, onSaved }: { route: AiRoute | null; aiKeys: AiKey[]; onClose: () => void; onSaved: () => unknown }) {
  const ws = useWorkspace();
  const toast = useToast();
  const form = useForm<RouteValues>(initial(route, aiKeys));
  const v = form.values;

  const submit = async () => {
    const body = {
      name: v.name.trim(),
      strategy: v.strategy,
      targets: v.targets.map((t) => ({ key_id: t.key_id, model: t.model.trim(), weight: Number(t.weight) })),
      max_retries: Number(v.max_retries),
      breaker_failures: Number(v.breaker_failures),
      breaker_cooldown_seconds: Number(v.breaker_cooldown_seconds),
    };
    const saved = await form.submit(() =>
      route ? api.patch<AiRoute>(`/api/ai-routes/${route.id}`, body) : api.post<AiRoute>('/api/ai-routes', { workspace_id: ws.workspace.id, ...body }),
    );
    if (saved) {
      await onSaved();
      toast.success(`Route ${saved.name} saved.`);
      onClose();
    }
  };

  return (
    <FormDialog
      wide
      onClose={onClose}
      icon="sparkles"
      title={route ? `Edit route ${route.name}` : 'Add a route'}
      description="Apps call the route by its name as the model. Targets are tried in order (or the first by weight), each with its key's own limits."
      onSubmit={submit}
      submitLabel="Save route"
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="Model name" hint="Letters, digits, . _ : - (no /)" error={form.fieldErrors.name}>
        <Input mono autoFocus value={v.name} onChange={(e) => form.set('name', e.target.value)} />
      </Field>
      <Field label="Strategy" error={form.fieldErrors.strategy}>
        <Select value={v.strategy} onChange={(e) => form.set('strategy', e.target.value as RouteValues['strategy'])}>
          <option value="fallback">Fallback: targets in order</option>
          <option value="weighted">Weighted: first target drawn by weight, the others as fallbacks</option>
        </Select>
      </Field>
      <TargetsFields targets={v.targets} strategy={v.strategy} aiKeys={aiKeys} error={form.fieldErrors.targets} onChange={(targets) => form.set('targets', targets)} />
      <div className="row" style={{ gap: 8 }}>
        <Field label="Retries per target" hint="0–5, on 429, 5xx, timeouts" error={form.fieldErrors.max_retries}>
          <Input type="number" min={0} max={5} value={v.max_retries} onChange={(e) => form.set('max_retries', e.target.value)} />
        </Field>
        <Field label="Failures before skipping a key" error={form.fieldErrors.breaker_failures}>
          <Input type="number" min={1} max={100} value={v.breaker_failures} onChange={(e) => form.set('breaker_failures', e.target.value)} />
        </Field>
        <Field label="Skip for (seconds)" error={form.fieldErrors.breaker_cooldown_seconds}>
          <Input type="number" min={1} max={3600} value={v.breaker_cooldown_seconds} onChange={(e) => form.set('breaker_cooldown_seconds', e.target.value)} />
        </Field>
      </div>
    </FormDialog>
  );
}

/** The targets in order: key, model, weight (weighted only); move up, remove, add. */
function TargetsFields({ targets, strategy, aiKeys, error, onChange }: { targets: TargetValue[]; strategy: RouteValues['strategy']; aiKeys: AiKey[]; error?: string; onChange: (targets: TargetValue[]) => void }) {
  const setTarget = (i: number, patch: Partial<TargetValue>) => onChange(targets.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const move = (i: number, by: number) => {
    const next = [...targets];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="stack">
      <legend>Targets</legend>
      {targets.map((t, i) => (
        <div className="row" key={i} style={{ gap: 8, alignItems: 'flex-end' }}>
          <Field label={`Key ${i + 1}`}>
            <Select value={t.key_id} onChange={(e) => setTarget(i, { key_id: e.target.value })}>
              {aiKeys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.key_name} ({k.provider_name})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Model">
            <Input mono value={t.model} onChange={(e) => setTarget(i, { model: e.target.value })} />
          </Field>
          {strategy === 'weighted' && (
            <Field label="Weight">
              <Input type="number" min={0} max={1000} value={t.weight} onChange={(e) => setTarget(i, { weight: e.target.value })} />
            </Field>
          )}
          <Button size="sm" variant="ghost" icon="chevronLeft" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move target ${i + 1} up`} />
          <Button size="sm" variant="ghost" icon="trash" disabled={targets.length === 1} onClick={() => onChange(targets.filter((_, j) => j !== i))} aria-label={`Remove target ${i + 1}`} />
        </div>
      ))}
      {error && <p className="field-error">{error}</p>}
      <div>
        <Button size="sm" icon="plus" disabled={targets.length >= 10 || aiKeys.length === 0} onClick={() => onChange([...targets, { key_id: aiKeys[0]?.id ?? '', model: '', weight: '1' }])}>
          Add target
        </Button>
      </div>
    </fieldset>
  );
}
