import { useEventTypes } from '../../api/queries';
import { Checkbox } from '../../components/ui/Field';
import { Spinner } from '../../components/ui/States';

const SINGULAR: Record<string, string> = {
  workspace: 'workspace',
  member: 'member',
  invitation: 'invitation',
  permission: 'permission',
  api_token: 'API token',
  webhook: 'webhook',
  ai_key: 'AI key',
  ai_usage: 'AI usage',
};

const CATEGORY_NAMES: Record<string, string> = {
  workspace: 'Workspace',
  member: 'Members',
  invitation: 'Invitations',
  permission: 'Permissions',
  api_token: 'API tokens',
  webhook: 'Webhooks',
  ai_key: 'AI keys',
  ai_usage: 'AI usage',
  custom: 'Your app events',
};

/**
 * Picks what an endpoint receives: everything (`null` here, an empty list
 * for the API), whole categories (`member.*`) or single event types. Fed by
 * the catalog, so new event types appear without a UI change.
 */
export function EventTypePicker({ value, onChange, error }: { value: string[] | null; onChange: (v: string[] | null) => void; error?: string }) {
  const catalog = useEventTypes();
  const all = value === null;
  const chosen = value ?? [];

  if (catalog.isPending) return <Spinner label="Loading event types" />;
  if (catalog.isError) return <p className="field-error">Could not load the event catalog. You can still subscribe to all events.</p>;

  const types = catalog.data.filter((t) => t.type !== 'webhook.test');
  const groups = new Map<string, typeof types>();
  for (const t of types) {
    const cat = t.type.split('.')[0];
    groups.set(cat, [...(groups.get(cat) ?? []), t]);
  }

  const has = (t: string) => chosen.includes(t);
  const set = (next: string[]) => onChange([...new Set(next)]);
  const toggleCategory = (cat: string, on: boolean) =>
    set(on ? [...chosen.filter((v) => !v.startsWith(`${cat}.`)), `${cat}.*`] : chosen.filter((v) => v !== `${cat}.*`));
  const toggleType = (t: string, on: boolean) => set(on ? [...chosen, t] : chosen.filter((v) => v !== t));

  return (
    <fieldset className="fieldset">
      <legend className="field-label">Events to send</legend>
      <div className="segmented" role="radiogroup" aria-label="Events to send">
        <label className={all ? 'active' : undefined}>
          <input type="radio" name="event-scope" checked={all} onChange={() => onChange(null)} />
          All events
        </label>
        <label className={!all ? 'active' : undefined}>
          <input type="radio" name="event-scope" checked={!all} onChange={() => onChange([])} />
          Selected events
        </label>
      </div>
      {!all && (
        <div className="scroll-box event-groups">
          {[...groups].map(([cat, list]) => {
            const wildcard = `${cat}.*`;
            const whole = has(wildcard);
            const isCustom = cat === 'custom';
            return (
              <div key={cat} className="event-group">
                <Checkbox
                  checked={whole}
                  onChange={(e) => toggleCategory(cat, e.target.checked)}
                  label={
                    <>
                      {CATEGORY_NAMES[cat] ?? cat} <code className="code-inline">{wildcard}</code>
                    </>
                  }
                  description={isCustom ? list[0]?.description : `Every ${SINGULAR[cat] ?? cat.replace(/_/g, ' ')} event, including future ones`}
                />
                {!isCustom && (
                  <div className="event-types">
                    {list.map((t) => (
                      <Checkbox key={t.type} checked={whole || has(t.type)} disabled={whole} onChange={(e) => toggleType(t.type, e.target.checked)} label={<code>{t.type}</code>} description={t.description} />
                    ))}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
      {!all && <p className="field-hint">{chosen.length === 0 ? 'Nothing selected yet.' : `${chosen.length} selected: ${chosen.join(', ')}`}</p>}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
