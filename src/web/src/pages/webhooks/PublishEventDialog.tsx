import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { PublishedEvent } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Field, Input, Textarea } from '../../components/ui/Field';
import { FormDialog } from '../../components/ui/FormDialog';
import { useToast } from '../../components/ui/Toast';
import { useForm } from '../../lib/useForm';

interface Values extends Record<string, unknown> {
  event_type: string;
  payload: string;
}

/**
 * Publishes an application event (`custom.*`) from the console, the way an
 * app would through `POST /api/events`: to try a receiver with the events it
 * will really get. One Idempotency-Key per opened dialog, so a double submit
 * publishes once.
 */
export function PublishEventDialog({ onClose }: { onClose: () => void }) {
  const ws = useWorkspace();
  const toast = useToast();
  const queryClient = useQueryClient();
  // getRandomValues, not randomUUID: the latter needs a secure context, and consoles are reached over plain http on LANs too.
  const [idempotencyKey] = useState(() => `console-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')}`);
  const form = useForm<Values>({ event_type: 'custom.', payload: '{\n  "hello": "world"\n}' });

  const submit = async () => {
    let payload: unknown;
    try {
      payload = JSON.parse(form.values.payload);
    } catch {
      form.setFieldErrors({ payload: 'Enter valid JSON.' });
      return;
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      form.setFieldErrors({ payload: 'Enter a JSON object, e.g. {"order_id": 42}.' });
      return;
    }
    const published = await form.submit(
      () => api.post<PublishedEvent>('/api/events', { workspace_id: ws.workspace.id, event_type: form.values.event_type.trim(), payload }, { 'idempotency-key': idempotencyKey }),
      ['event_type', 'payload'],
    );
    if (!published) return;
    // Delivery logs and health badges show the new attempts.
    await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    const n = published.deliveries;
    toast.success(n === 0 ? `Published ${published.event_type}; no endpoint subscribes to it.` : `Published ${published.event_type} to ${n} endpoint${n === 1 ? '' : 's'}.`);
    onClose();
  };

  return (
    <FormDialog
      wide
      onClose={onClose}
      icon="send"
      title="Publish an event"
      description="Sends an application event to every enabled endpoint subscribed to it, as your app would with POST /api/events."
      onSubmit={submit}
      submitLabel="Publish event"
      submitting={form.submitting}
      error={form.formError}
    >
      <Field label="Event type" error={form.fieldErrors.event_type} hint="Application events start with custom., e.g. custom.order.paid.">
        <Input mono autoFocus value={form.values.event_type} onChange={(e) => form.set('event_type', e.target.value)} />
      </Field>
      <Field label="Payload (JSON)" error={form.fieldErrors.payload} hint="Receivers get it as the data field of the event.">
        <Textarea className="mono" rows={8} spellCheck={false} value={form.values.payload} onChange={(e) => form.set('payload', e.target.value)} />
      </Field>
    </FormDialog>
  );
}
