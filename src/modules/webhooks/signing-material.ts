import type { Keyring } from '../../core/keyring.js';
import { headersAad, secretAad } from './message-format.js';
import { secretKey } from './signing.js';
import type { EndpointSendConfig, WebhooksRepository } from './webhooks.repository.js';
import type { WebhookEndpointsTable, WebhookSecretsTable } from './webhooks.tables.js';

const MAX_CACHED = 10_000;

/** How to send to an endpoint, as of `version` (its config_version). */
export interface EndpointConfig {
  version: number;
  active: boolean;
  url: string;
  headers: Record<string, string>;
  /** Every secret that signed when this was read, newest first; expired ones are left out at send time. */
  secrets: { key: Buffer; expiresAt: number | null }[];
}

/**
 * The keyring-sealed parts of endpoints: custom headers and signing
 * secrets. Seals and opens them, and caches what it opened for sending: HMAC
 * keys by secret id (secret rows never change; rotation adds a row) and each
 * endpoint's sending configuration by config_version. One instance is shared
 * by the service (test sends) and the delivery worker.
 */
export class SigningMaterial {
  private readonly keys = new Map<string, Buffer>();
  private readonly configs = new Map<string, EndpointConfig>();

  constructor(
    private readonly keyring: Keyring,
    private readonly repo: WebhooksRepository,
  ) {}

  sealSecret(secretId: string, secret: string): string {
    return this.keyring.encrypt(secret, secretAad(secretId));
  }

  sealHeaders(endpointId: string, headers: Record<string, string>): string | null {
    return Object.keys(headers).length === 0 ? null : this.keyring.encrypt(JSON.stringify(headers), headersAad(endpointId));
  }

  openHeaders(row: Pick<WebhookEndpointsTable, 'id' | 'headers_enc'>): Record<string, string> {
    return row.headers_enc ? (JSON.parse(this.keyring.decrypt(row.headers_enc, headersAad(row.id))) as Record<string, string>) : {};
  }

  /** HMAC keys of an endpoint's secrets that sign now, newest first. */
  async signingKeys(workspaceId: string, endpointId: string, now = Date.now()): Promise<Buffer[]> {
    const rows = await this.repo.listSecrets(workspaceId, endpointId);
    return rows.filter((s) => s.expires_at === null || s.expires_at > now).map((s) => this.key(s));
  }

  /** The configuration an endpoint was last read with here (its version, to compare with later ones). */
  cached(endpointId: string): EndpointConfig | undefined {
    return this.configs.get(endpointId);
  }

  /** The endpoints' sending configuration as of now: cached, or re-read for those whose config_version moved. */
  async current(endpointIds: string[]): Promise<Map<string, EndpointConfig>> {
    const versions = await this.repo.endpointVersions(endpointIds);
    const out = new Map<string, EndpointConfig>();
    const stale: string[] = [];
    for (const v of versions) {
      const cached = this.configs.get(v.id);
      if (cached && cached.version === v.config_version) out.set(v.id, cached);
      else if (v.is_active !== 1) out.set(v.id, { version: v.config_version, active: false, url: '', headers: {}, secrets: [] });
      else stale.push(v.id);
    }
    if (stale.length > 0) {
      const [rows, secrets] = await Promise.all([this.repo.endpointConfigs(stale), this.repo.validSecretsOf(stale, Date.now())]);
      if (this.configs.size > MAX_CACHED) this.configs.clear();
      for (const row of rows) {
        const config = this.configFrom(row, secrets.filter((s) => s.endpoint_id === row.id));
        this.configs.set(row.id, config);
        out.set(row.id, config);
      }
    }
    return out;
  }

  private configFrom(row: EndpointSendConfig, secrets: Pick<WebhookSecretsTable, 'id' | 'secret_enc' | 'expires_at'>[]): EndpointConfig {
    return {
      version: row.config_version,
      active: row.is_active === 1,
      url: row.url,
      headers: this.openHeaders(row),
      secrets: secrets.map((s) => ({ key: this.key(s), expiresAt: s.expires_at })),
    };
  }

  private key(s: Pick<WebhookSecretsTable, 'id' | 'secret_enc'>): Buffer {
    let key = this.keys.get(s.id);
    if (!key) {
      if (this.keys.size > MAX_CACHED) this.keys.clear();
      key = secretKey(this.keyring.decrypt(s.secret_enc, secretAad(s.id)));
      this.keys.set(s.id, key);
    }
    return key;
  }
}
