import { useEffect, useState } from 'react';
import { Alert } from './Alert';
import { Button } from './Button';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP deployments have no Clipboard API: fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function CopyButton({ value, label = 'Copy', size = 'sm', variant = 'secondary' }: { value: string; label?: string; size?: 'sm' | 'md'; variant?: 'secondary' | 'ghost' | 'primary' }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <Button
      size={size}
      variant={variant}
      icon={copied ? 'check' : 'copy'}
      onClick={() => copyText(value).then(() => setCopied(true), () => setCopied(false))}
      aria-live="polite"
    >
      {copied ? 'Copied' : label}
    </Button>
  );
}

/** A secret or link shown in full exactly once, with a copy button and a plain warning. */
export function SecretBox({ value, label, warning = true }: { value: string; label: string; warning?: boolean | string }) {
  return (
    <div className="stack-sm">
      <div className="secret" data-testid="secret-value">
        <code aria-label={label}>{value}</code>
        <CopyButton value={value} />
      </div>
      {warning && (
        <Alert tone="warning">{typeof warning === 'string' ? warning : 'Copy it now: for your security it will not be shown again.'}</Alert>
      )}
    </div>
  );
}
