import { Button } from '../../components/ui/Button';
import { Input } from '../../components/ui/Field';

export type HeaderRow = { name: string; value: string };

export const toRows = (h: Record<string, string>): HeaderRow[] => Object.entries(h).map(([name, value]) => ({ name, value }));
export const toRecord = (rows: HeaderRow[]) => Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));

/** Extra headers sent with every delivery (e.g. a static auth header the receiver checks). */
export function HeadersEditor({ rows, onChange, error }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void; error?: string }) {
  const update = (i: number, patch: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset">
      <legend className="field-label">
        Custom headers <span className="optional">optional</span>
      </legend>
      {rows.map((r, i) => (
        <div className="input-group" key={i}>
          <Input mono aria-label={`Header ${i + 1} name`} placeholder="X-Api-Key" value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
          <Input mono aria-label={`Header ${i + 1} value`} placeholder="value" value={r.value} onChange={(e) => update(i, { value: e.target.value })} />
          <Button iconOnly icon="x" label={`Remove header ${i + 1}`} variant="ghost" onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button size="sm" icon="plus" variant="ghost" onClick={() => onChange([...rows, { name: '', value: '' }])}>
          Add header
        </Button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
