import { Link } from 'react-router';
import { useProviders } from '../../api/queries';
import type { AiKey } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { CopyButton } from '../../components/ui/Copy';
import { Card } from '../../components/ui/Page';

/** How to call a model with these keys: the snippet people copy into their app. */
export function GatewayHelp({ aiKey }: { aiKey: AiKey }) {
  const ws = useWorkspace();
  const providers = useProviders();
  const firstModel = providers.data?.find((p) => p.id === aiKey.provider)?.models[0]?.id;
  const model = `${aiKey.provider}/${aiKey.model_preferences.default ?? firstModel ?? 'your-model'}`;
  const snippet = `curl ${location.origin}/v1/chat/completions \\
  -H "Authorization: Bearer $ATRIUM_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{"model": "${model}", "messages": [{"role": "user", "content": "Hello"}]}'`;
  return (
    <Card
      title="Call a model"
      description={
        <>
          Point any OpenAI SDK at <code className="code-inline">{location.origin}/v1</code> and authenticate with an API token that has the <code className="code-inline">ai:use</code> scope (
          <Link to={ws.to('api-tokens')}>create one</Link>). Prefix the model with its provider.
        </>
      }
      id="gateway"
      actions={<CopyButton value={snippet} label="Copy" />}
    >
      <pre className="code-block">{snippet}</pre>
    </Card>
  );
}
