import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useProviders } from '../../api/queries';
import type { AiKey, ProviderInfo } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Checkbox, Field, Input } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { Icon } from '../../components/ui/Icon';
import { ErrorState, Spinner } from '../../components/ui/States';
import { useToast } from '../../components/ui/Toast';
import { useForm } from '../../lib/useForm';
import { LIMIT_FIELDS, limitsBody, LimitsFields, limitsOf, type LimitValues } from './shared';

interface Values extends LimitValues {
  key_name: string;
  api_key: string;
  endpoint_url: string;
  deployment_name: string;
  is_default: boolean;
}

/** Step 1 picks the provider (from the catalog); step 2 asks exactly the fields that provider needs. */
export function AddKeyDialog({ onClose }: { onClose: () => void }) {
  const providers = useProviders();
  const [provider, setProvider] = useState<ProviderInfo | null>(null);

  if (provider) return <KeyForm provider={provider} onBack={() => setProvider(null)} onClose={onClose} />;

  return (
    <Dialog open wide onClose={onClose} icon="sparkles" title="Add an AI key" description="Choose the provider. The key is encrypted at rest and never shown again after you save it.">
      {providers.isPending ? (
        <Spinner label="Loading providers" />
      ) : providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => providers.refetch()} />
      ) : (
        <ul className="provider-grid" aria-label="Providers">
          {providers.data.map((p) => (
            <li key={p.id}>
              <button type="button" className="provider-option" onClick={() => setProvider(p)}>
                <span className="provider-mark" aria-hidden="true">
                  {p.name.charAt(0)}
                </span>
                <span style={{ minWidth: 0 }}>
                  <span className="provider-name">{p.name}</span>
                  <span className="provider-hint truncate">{p.id === 'custom' ? 'vLLM, Ollama, LM Studio…' : p.key_format}</span>
                </span>
                <Icon name="chevronRight" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}

function KeyForm({ provider, onBack, onClose }: { provider: ProviderInfo; onBack: () => void; onClose: () => void }) {
  const { form, submit } = useAddKeyForm(provider, onClose);
  return (
    <FormDialog
      wide
      onClose={onClose}
      icon="key"
      title={`Add ${provider.name} key`}
      description={
        <>
          Create a key in the{' '}
          <a href={provider.docs_url} target="_blank" rel="noreferrer">
            {provider.name} console
          </a>{' '}
          and paste it here.
        </>
      }
      onSubmit={submit}
      submitLabel="Add key"
      submitting={form.submitting}
      error={form.formError}
      extraActions={
        <Button icon="chevronLeft" variant="ghost" onClick={onBack} style={{ marginRight: 'auto' }}>
          Providers
        </Button>
      }
    >
      <KeyFields provider={provider} form={form} />
    </FormDialog>
  );
}

function useAddKeyForm(provider: ProviderInfo, onAdded: () => void) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useForm<Values>({ key_name: `${provider.name}`, api_key: '', endpoint_url: '', deployment_name: '', is_default: true, ...limitsOf() });

  const submit = async () => {
    const v = form.values;
    const created = await form.submit(
      () =>
        api.post<AiKey>('/api/ai-keys', {
          workspace_id: ws.workspace.id,
          provider: provider.id,
          key_name: v.key_name.trim(),
          ...(v.api_key.trim() ? { api_key: v.api_key.trim() } : {}),
          ...(v.endpoint_url.trim() ? { endpoint_url: v.endpoint_url.trim() } : {}),
          ...(provider.needs_deployment_name ? { deployment_name: v.deployment_name.trim() } : {}),
          is_default: v.is_default,
          ...limitsBody(v),
        }),
      ['key_name', 'api_key', 'endpoint_url', 'deployment_name', ...LIMIT_FIELDS],
    );
    if (created) {
      await queryClient.invalidateQueries({ queryKey: keys.aiKeys(ws.workspace.id) });
      toast.success(`${created.key_name} added. Test it to check it works.`);
      onAdded();
    }
  };
  return { form, submit };
}

/** Exactly the fields this provider needs: an endpoint for Azure and self-hosted servers, a deployment for Azure. */
function KeyFields({ provider, form }: { provider: ProviderInfo; form: ReturnType<typeof useAddKeyForm>['form'] }) {
  const v = form.values;
  const keyOptional = provider.id === 'custom';
  return (
    <>
      <Field label="Name" hint="How your team recognises this key, e.g. “Production”." error={form.fieldErrors.key_name}>
        <Input value={v.key_name} onChange={(e) => form.set('key_name', e.target.value)} />
      </Field>
      <Field label="API key" optional={keyOptional} hint={keyOptional ? 'Leave empty for servers without authentication.' : `Looks like ${provider.key_format}`} error={form.fieldErrors.api_key}>
        <Input mono autoFocus type="password" autoComplete="off" spellCheck={false} value={v.api_key} onChange={(e) => form.set('api_key', e.target.value)} />
      </Field>
      <Field
        label={provider.needs_endpoint_url ? 'Endpoint URL' : 'Base URL'}
        optional={!provider.needs_endpoint_url}
        hint={provider.needs_endpoint_url ? (provider.id === 'azure_openai' ? 'Your resource, e.g. https://my-resource.openai.azure.com' : 'The OpenAI-compatible base URL, e.g. http://gpu-box:8000/v1') : `Only for a proxy or regional endpoint. Default: ${provider.default_base_url ?? 'the provider’s own'}`}
        error={form.fieldErrors.endpoint_url}
      >
        <Input mono type="url" placeholder={provider.default_base_url ?? 'https://'} value={v.endpoint_url} onChange={(e) => form.set('endpoint_url', e.target.value)} />
      </Field>
      {provider.needs_deployment_name && (
        <Field label="Deployment name" hint="The Azure OpenAI deployment to call." error={form.fieldErrors.deployment_name}>
          <Input mono value={v.deployment_name} onChange={(e) => form.set('deployment_name', e.target.value)} />
        </Field>
      )}
      <Checkbox checked={v.is_default} onChange={(e) => form.set('is_default', e.target.checked)} label={`Default ${provider.name} key`} description={`Used for ${provider.id}/… models unless a request names another key.`} />
      <details className="disclosure" open={LIMIT_FIELDS.some((f) => form.fieldErrors[f])}>
        <summary>Limits and caps</summary>
        <div className="form" style={{ marginTop: 'var(--space-4)' }}>
          <LimitsFields values={v} set={(k, val) => form.set(k, val)} errors={form.fieldErrors} />
        </div>
      </details>
    </>
  );
}
