import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { AppError } from './errors.js';

/**
 * Outbound HTTP for everything atrium calls on a user's behalf (webhook
 * receivers, AI provider base URLs), guarded against SSRF.
 *
 * Two layers:
 * - `assertAllowed(url)` validates a URL when it is saved (create/update) so
 *   users get a clear 400 early;
 * - `dispatcher` re-checks at connect time, on every connection: it resolves
 *   the host itself, refuses if any resolved address is disallowed, and then
 *   connects to the vetted IP (TLS still verifies the certificate against the
 *   original host name). A DNS answer that changes between validation and use
 *   (DNS rebinding) therefore cannot reach an internal address, and neither
 *   can a redirect, should a caller follow one.
 *
 * Only public unicast addresses are allowed, plus the operator's allow-list
 * (`ATRIUM_OUTBOUND_ALLOWED_CIDRS`).
 */

/** The destination is not one atrium may call. The message never includes the URL's path, query or credentials. */
export class DestinationNotAllowedError extends Error {
  readonly code = 'DESTINATION_NOT_ALLOWED';
  constructor(message: string) {
    super(message);
    this.name = 'DestinationNotAllowedError';
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];

/** The IPv4 address carried by a transition-mechanism IPv6 address. */
function embeddedIPv4(addr: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const b = addr.toByteArray();
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d (SIIT)
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64)
      return new ipaddr.IPv4(b.slice(12, 16));
    case '6to4': // 2002:AABB:CCDD::/48
      return new ipaddr.IPv4(b.slice(2, 6));
    case 'teredo': // 2001:0::/32, the client address is the last 32 bits, inverted
      return new ipaddr.IPv4(b.slice(12, 16).map((x) => x ^ 0xff));
    default:
      return undefined;
  }
}

function parseCidrs(cidrs: string[]): Cidr[] {
  return cidrs.map((cidr) => {
    try {
      if (!cidr.includes('/')) {
        const addr = ipaddr.parse(cidr);
        return [addr, addr.kind() === 'ipv4' ? 32 : 128] as Cidr;
      }
      return ipaddr.parseCIDR(cidr);
    } catch {
      throw new Error(`Invalid configuration: ATRIUM_OUTBOUND_ALLOWED_CIDRS has an invalid CIDR "${cidr}"`);
    }
  });
}

function inCidrs(addr: Address, cidrs: Cidr[]): boolean {
  return cidrs.some(([range, bits]) => range.kind() === addr.kind() && addr.match(range, bits));
}

/**
 * Why an address may not be called, or undefined when it may. The allow-list
 * wins over every rule (operators use it for private services they trust).
 */
export function refusalReason(address: string, allowed: Cidr[] = []): string | undefined {
  let addr: Address;
  try {
    addr = ipaddr.parse(address);
  } catch {
    return 'is not a valid IP address';
  }
  // Judge ::ffff:1.2.3.4 and the other transition forms by the IPv4 address they carry.
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (inCidrs(v6, allowed)) return undefined;
    const range = v6.range();
    const v4 = embeddedIPv4(v6, range);
    if (v4) {
      // Only the mapped form is the IPv4 host itself, so only it may use an IPv4 allow-list entry.
      const inner = refusalReason(v4.toString(), range === 'ipv4Mapped' ? allowed : []);
      return inner ? `embeds ${v4.toString()}, which ${inner}` : undefined;
    }
    if (range !== 'unicast') return `is in the ${range} range`;
    // ::a.b.c.d (deprecated IPv4-compatible form) is classified as unicast by ipaddr.js.
    if (v6.toByteArray().slice(0, 12).every((x) => x === 0)) return 'is a deprecated IPv4-compatible address';
    return undefined;
  }
  if (inCidrs(addr, allowed)) return undefined;
  const range = addr.range();
  return range === 'unicast' ? undefined : `is in the ${range} range`;
}

export interface OutboundOptions {
  /** CIDRs (or single addresses) that may be reached even though they are private. */
  allowedCidrs: string[];
  connectTimeoutMs?: number;
  /** DNS resolution, replaceable in tests. Must return every address of the host. */
  resolve?: (hostname: string) => Promise<string[]>;
}

async function resolveAll(hostname: string): Promise<string[]> {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

export class Outbound {
  readonly dispatcher: Dispatcher;
  private readonly allowed: Cidr[];
  private readonly resolve: (hostname: string) => Promise<string[]>;

  constructor(options: OutboundOptions) {
    this.allowed = parseCidrs(options.allowedCidrs);
    this.resolve = options.resolve ?? resolveAll;
    const connectTimeout = options.connectTimeoutMs ?? 10_000;
    const base = buildConnector({ timeout: connectTimeout });
    const connect: buildConnector.connector = (opts, callback) => {
      this.vettedAddress(opts.hostname).then(
        // `host` (the original name) still drives SNI and certificate checks.
        (ip) => base({ ...opts, hostname: ip }, callback),
        (error: Error) => callback(error, null),
      );
    };
    // Redirects are never followed by undici's request(); fetch() callers pass
    // `redirect: 'manual'`, and even a followed redirect goes through `connect`.
    this.dispatcher = new Agent({ connect, connectTimeout, keepAliveTimeout: 10_000 });
  }

  /**
   * Resolves `hostname` and returns the address to connect to, or throws
   * DestinationNotAllowedError when any address is disallowed (a host that
   * mixes public and private answers is refused as a whole).
   */
  async vettedAddress(hostname: string): Promise<string> {
    const host = unbracket(hostname);
    const literal = this.literalAddress(host);
    const addresses = literal ? [literal] : await this.resolveOrRefuse(host);
    for (const address of addresses) {
      const reason = refusalReason(address, this.allowed);
      if (reason) {
        const shown = literal || address === host ? address : `${host} (${address})`;
        throw new DestinationNotAllowedError(`destination ${shown} ${reason}; atrium does not call such addresses`);
      }
    }
    return addresses[0];
  }

  /**
   * An IP written as an IP, in any spelling getaddrinfo would also accept
   * (decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, `127.1`).
   * WHATWG URL parsing already canonicalises most of these; this catches the
   * rest so they are never handed to the resolver as "names".
   */
  private literalAddress(host: string): string | undefined {
    if (isIP(host)) return host;
    if (/^[0-9a-fx.]+$/i.test(host) && /^[0-9]/.test(host) && ipaddr.IPv4.isValid(host)) {
      return ipaddr.IPv4.parse(host).toString();
    }
    return undefined;
  }

  private async resolveOrRefuse(host: string): Promise<string[]> {
    let addresses: string[];
    try {
      addresses = await this.resolve(host);
    } catch {
      throw new DestinationNotAllowedError(`host ${host} could not be resolved`);
    }
    if (addresses.length === 0) throw new DestinationNotAllowedError(`host ${host} has no addresses`);
    return addresses;
  }

  /**
   * Validation for create/update: syntax, scheme (http/https only), no
   * credentials in the URL, and every resolved address allowed.
   */
  async assertAllowed(url: string, field = 'url'): Promise<void> {
    const refuse = (message: string) => new AppError('destination_not_allowed', `${field} ${message}`, { field });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw refuse('is not a valid absolute URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse('must use http or https');
    if (parsed.username || parsed.password) throw refuse('must not contain credentials; use headers instead');
    if (!parsed.hostname) throw refuse('has no host');
    try {
      await this.vettedAddress(parsed.hostname);
    } catch (error) {
      if (error instanceof DestinationNotAllowedError) throw refuse(`is not allowed: ${error.message}`);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
