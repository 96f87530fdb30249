import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Webhook, WebhookWithSecret } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { SecretBox } from '../../components/ui/Copy';
import { Field, Input } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { ShownOnceDialog } from '../../components/ui/ShownOnceDialog';
import { useForm } from '../../lib/useForm';
import { EventTypePicker } from './EventTypePicker';
import { HeadersEditor, toRecord, toRows, type HeaderRow } from './HeadersEditor';

interface Values extends Record<string, unknown> {
  url: string;
  description: string;
  event_types: string[] | null;
  headers: HeaderRow[];
}

/** Create (webhook undefined) or edit an endpoint. After creating, the signing secret is shown once. */
export function WebhookFormDialog({ webhook, onClose, onCreated }: { webhook?: Webhook; onClose: () => void; onCreated?: (w: Webhook) => void }) {
  const { form, submit, created, touchHeaders } = useWebhookForm(webhook, onClose);

  if (created) {
    return (
      <ShownOnceDialog onClose={() => onCreated?.(created)} title="Endpoint created" description="Use this secret to verify the webhook-signature header of every delivery (Standard Webhooks).">
        <SecretBox value={created.secret} label="Signing secret" />
      </ShownOnceDialog>
    );
  }

  return (
    <FormDialog
      wide
      onClose={onClose}
      icon="webhook"
      title={webhook ? 'Edit endpoint' : 'Add endpoint'}
      description={webhook ? undefined : 'atrium POSTs signed JSON events to this URL and retries until it answers 2xx.'}
      onSubmit={submit}
      submitLabel={webhook ? 'Save changes' : 'Create endpoint'}
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="Endpoint URL" error={form.fieldErrors.url} hint="HTTPS recommended. Private and internal addresses are refused unless your operator allows them.">
        <Input mono autoFocus type="url" placeholder="https://example.com/webhooks/atrium" value={form.values.url} onChange={(e) => form.set('url', e.target.value)} />
      </Field>
      <Field label="Description" optional error={form.fieldErrors.description}>
        <Input placeholder="Billing service, staging" value={form.values.description} onChange={(e) => form.set('description', e.target.value)} />
      </Field>
      <EventTypePicker value={form.values.event_types} onChange={(v) => form.set('event_types', v)} error={form.fieldErrors.event_types} />
      <HeadersEditor
        rows={form.values.headers}
        onChange={(rows) => {
          touchHeaders();
          form.set('headers', rows);
        }}
        error={form.fieldErrors.headers}
      />
    </FormDialog>
  );
}

/** The form's state and its submit: checks what the server cannot (no events chosen, redacted headers), then creates or saves. */
function useWebhookForm(webhook: Webhook | undefined, onSaved: () => void) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    url: webhook?.url ?? '',
    description: webhook?.description ?? '',
    event_types: webhook && webhook.event_types.length > 0 ? webhook.event_types : null,
    headers: webhook ? toRows(webhook.headers) : [],
  });
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);
  const [headersTouched, setHeadersTouched] = useState(false);

  const submit = async () => {
    const v = form.values;
    if (v.event_types !== null && v.event_types.length === 0) {
      form.setFieldErrors({ event_types: 'Choose at least one event, or send all events.' });
      return;
    }
    if (headersTouched && v.headers.some((h) => h.value === '[redacted]')) {
      form.setFieldErrors({ headers: 'Enter the values shown as [redacted] again: stored secrets are never sent back to the browser.' });
      return;
    }
    const body = {
      url: v.url.trim(),
      description: v.description.trim() || (webhook ? null : undefined),
      event_types: v.event_types ?? [],
      // Untouched headers are left alone: redacted values must not overwrite the stored ones.
      ...(!webhook || headersTouched ? { headers: toRecord(v.headers) } : {}),
    };
    const known = ['url', 'description', 'event_types', 'headers'];
    if (webhook) {
      const updated = await form.submit(() => api.patch<Webhook>(`/api/webhooks/${webhook.id}`, body), known);
      if (updated) {
        queryClient.setQueryData(keys.webhook(updated.id), updated);
        await queryClient.invalidateQueries({ queryKey: keys.webhooks(ws.workspace.id) });
        onSaved();
      }
    } else {
      const result = await form.submit(() => api.post<WebhookWithSecret>('/api/webhooks', { ...body, workspace_id: ws.workspace.id }), known);
      if (result) {
        await queryClient.invalidateQueries({ queryKey: keys.webhooks(ws.workspace.id) });
        setCreated(result);
      }
    }
  };

  return { form, submit, created, touchHeaders: () => setHeadersTouched(true) };
}
