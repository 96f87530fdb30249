import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, trustProxyOption } from '../config.js';

describe('ATRIUM_TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ ATRIUM_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(parseConfig({ ATRIUM_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('accepts a hop count, which trusts that many hops next to atrium', () => {
    const config = parseConfig({ ATRIUM_TRUST_PROXY: '2' });
    expect(config.trustProxy).toBe(2);
    const trust = trustProxyOption(config.trustProxy) as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('accepts a list of proxy addresses and CIDRs', () => {
    expect(parseConfig({ ATRIUM_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', 'yes', 'proxy.internal', '10.0.0.0/33', '10.0.0/8', '::1/129', '10.0.0.1/8/1', '-1', '1.5'])(
    'refuses %s naming the variable',
    (value) => {
      expect(() => parseConfig({ ATRIUM_TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => parseConfig({ ATRIUM_TRUST_PROXY: value })).toThrow('ATRIUM_TRUST_PROXY');
    },
  );
});
