import { useState } from 'react';
import { api, errorMessage } from '../../api/client';
import type { AiKey, KeyTestResult } from '../../api/types';
import { Alert } from '../../components/ui/Alert';
import { Badge, type Tone } from '../../components/ui/Badge';
import { Field, Input } from '../../components/ui/Field';
import { formatDuration, formatNumber, formatUsd } from '../../lib/format';

/** The key as people recognise it: its last four characters. */
export function MaskedKey({ preview }: { preview: string | null }) {
  if (!preview) return <span className="muted small">No key (keyless server)</span>;
  return (
    <code className="masked-key" aria-label={`Key ending in ${preview}`}>
      <span aria-hidden="true">••••••••</span>
      {preview}
    </code>
  );
}

const TEST_TONE: Record<string, Tone> = { ok: 'success', invalid_key: 'danger', rate_limited: 'warning', unreachable: 'danger', provider_error: 'danger' };
const TEST_LABEL: Record<string, string> = { ok: 'Key works', invalid_key: 'Invalid key', rate_limited: 'Rate limited', unreachable: 'Unreachable', provider_error: 'Provider error' };

export function KeyStatus({ aiKey }: { aiKey: AiKey }) {
  if (!aiKey.is_active) return <Badge dot>Inactive</Badge>;
  if (aiKey.last_test_status && aiKey.last_test_status !== 'ok') {
    return (
      <Badge tone={TEST_TONE[aiKey.last_test_status] ?? 'warning'} dot title="Result of the last test">
        {TEST_LABEL[aiKey.last_test_status] ?? aiKey.last_test_status}
      </Badge>
    );
  }
  return (
    <Badge tone="success" dot>
      Active
    </Badge>
  );
}

/** Runs the key test and keeps its outcome to show next to the button. */
export function useKeyTest(onDone?: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<KeyTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (id: string) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<KeyTestResult>(`/api/ai-keys/${id}/test`));
      // The lists refresh in the background (invalidateQueries does not reject): the outcome is shown already.
      void onDone?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, error, run };
}

export function TestOutcome({ result, error }: { result: KeyTestResult | null; error: string | null }) {
  if (error) return <Alert tone="danger">{error}</Alert>;
  if (!result) return null;
  return (
    <Alert tone={result.ok ? 'success' : result.status === 'rate_limited' ? 'warning' : 'danger'} title={TEST_LABEL[result.status] ?? result.status} role="status">
      {result.message}
      {result.http_status !== null && <> · HTTP {result.http_status}</>} · {formatDuration(result.latency_ms)}
    </Alert>
  );
}

/** Usage against a cap: a meter that turns amber at 80 % and red at 100 %. */
export function CapMeter({ used, cap, money, label }: { used: number; cap: number | null; money?: boolean; label: string }) {
  const fmt = money ? formatUsd : formatNumber;
  if (cap === null) {
    return (
      <span className="small">
        {fmt(used)} <span className="muted">· no cap</span>
      </span>
    );
  }
  const ratio = cap === 0 ? 1 : used / cap;
  const tone = ratio >= 1 ? 'meter meter-danger' : ratio >= 0.8 ? 'meter meter-warning' : 'meter';
  return (
    <span className="cap" title={`${fmt(used)} of ${fmt(cap)}`}>
      <span className="small">
        {fmt(used)} <span className="muted">/ {fmt(cap)}</span>
      </span>
      <span className={tone} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={cap} aria-valuenow={Math.min(used, cap)}>
        <span style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </span>
    </span>
  );
}

export interface LimitValues {
  [key: string]: unknown;
  usage_limit: string;
  cost_limit: string;
  rate_limit_rpm: string;
  rate_limit_tpm: string;
  rotate_after_days: string;
}

export const limitsOf = (k?: AiKey): LimitValues => ({
  usage_limit: k?.usage_limit?.toString() ?? '',
  cost_limit: k?.cost_limit?.toString() ?? '',
  rate_limit_rpm: k?.rate_limit_rpm?.toString() ?? '',
  rate_limit_tpm: k?.rate_limit_tpm?.toString() ?? '',
  rotate_after_days: k?.rotate_after_days?.toString() ?? '',
});

/** Empty means "no limit" (null for the API). */
export const limitsBody = (v: LimitValues) =>
  Object.fromEntries((['usage_limit', 'cost_limit', 'rate_limit_rpm', 'rate_limit_tpm', 'rotate_after_days'] as const).map((k) => [k, v[k].trim() === '' ? null : Number(v[k])]));

export const LIMIT_FIELDS = ['usage_limit', 'cost_limit', 'rate_limit_rpm', 'rate_limit_tpm', 'rotate_after_days'] as const;

export function LimitsFields({ values, set, errors }: { values: LimitValues; set: (k: (typeof LIMIT_FIELDS)[number], v: string) => void; errors: Record<string, string> }) {
  const num = (k: (typeof LIMIT_FIELDS)[number], label: string, hint: string, step = '1', prefix?: string) => (
    <Field label={label} optional hint={hint} error={errors[k]}>
      <Input type="number" inputMode="decimal" min="0" step={step} placeholder={prefix ? `${prefix} no cap` : 'No limit'} value={values[k]} onChange={(e) => set(k, e.target.value)} />
    </Field>
  );
  return (
    <>
      <div className="form-row">
        {num('usage_limit', 'Monthly request cap', 'Requests per calendar month (UTC).')}
        {num('cost_limit', 'Monthly cost cap (USD)', 'Refuses requests once reached.', '0.01', '$')}
      </div>
      <div className="form-row">
        {num('rate_limit_rpm', 'Requests per minute', 'Per key, across all instances.')}
        {num('rate_limit_tpm', 'Tokens per minute', 'Input + output tokens.')}
      </div>
      {num('rotate_after_days', 'Rotation reminder (days)', 'Raises ai_key.rotation_due this long after the last rotation.')}
    </>
  );
}
