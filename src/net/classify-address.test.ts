import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { classifyAddress } from './classify-address.ts';

describe('classifyAddress', () => {
  it('names the IPv4 blocks a server-side fetch must not reach', () => {
    const cases: Record<string, string> = {
      '0.0.0.0': 'unspecified',
      '0.1.2.3': 'unspecified',
      '10.0.0.1': 'private',
      '10.255.255.255': 'private',
      '100.64.0.1': 'shared',
      '100.127.255.255': 'shared',
      '127.0.0.1': 'loopback',
      '127.255.0.9': 'loopback',
      '169.254.169.254': 'link_local',
      '172.16.0.1': 'private',
      '172.31.255.255': 'private',
      '192.168.1.1': 'private',
      '224.0.0.1': 'multicast',
      '239.255.255.250': 'multicast',
      '240.0.0.1': 'reserved',
      '255.255.255.255': 'reserved',
      '192.0.2.10': 'reserved',
    };
    const got = Object.fromEntries(Object.keys(cases).map((a) => [a, classifyAddress(a)]));
    assert.deepEqual(got, cases);
  });

  it('lets public IPv4 addresses next to the private blocks through', () => {
    const addresses = ['8.8.8.8', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0'];
    assert.deepEqual(
      addresses.map(classifyAddress),
      addresses.map(() => 'public'),
    );
  });

  it('names the IPv6 loopback, unique-local, link-local and multicast blocks', () => {
    const cases: Record<string, string> = {
      '::': 'unspecified',
      '::1': 'loopback',
      '0:0:0:0:0:0:0:1': 'loopback',
      'fc00::1': 'unique_local',
      'fd12:3456:789a::1': 'unique_local',
      'fe80::1': 'link_local',
      'fe80::1%eth0': 'link_local',
      'febf::1': 'link_local',
      'ff02::1': 'multicast',
      '2001:db8::1': 'reserved',
      '[::1]': 'loopback',
    };
    const got = Object.fromEntries(Object.keys(cases).map((a) => [a, classifyAddress(a)]));
    assert.deepEqual(got, cases);
  });

  it('judges IPv6 forms that embed an IPv4 address by that address', () => {
    const cases: Record<string, string> = {
      '::ffff:127.0.0.1': 'loopback',
      '::ffff:7f00:1': 'loopback',
      '::ffff:169.254.169.254': 'link_local',
      '::ffff:10.1.2.3': 'private',
      '::127.0.0.1': 'loopback',
      '64:ff9b::192.168.0.1': 'private',
      '2002:c0a8:0101::1': 'private',
      '::ffff:8.8.8.8': 'public',
    };
    const got = Object.fromEntries(Object.keys(cases).map((a) => [a, classifyAddress(a)]));
    assert.deepEqual(got, cases);
  });

  it('accepts global unicast IPv6 addresses', () => {
    assert.equal(classifyAddress('2404:6800:4004:80a::200e'), 'public');
  });

  it('calls anything that is not a literal address invalid', () => {
    const inputs = ['', 'localhost', '1.2.3', '1.2.3.256', '01.2.3.4x', '1::2::3', 'g::1', ':::'];
    assert.deepEqual(
      inputs.map(classifyAddress),
      inputs.map(() => 'invalid'),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        classifyAddress(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('classifies every address of 10/8 as private, in the mapped IPv6 form too', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), (b, c, d) => {
        const ip = `10.${b}.${c}.${d}`;
        return classifyAddress(ip) === 'private' && classifyAddress(`::ffff:${ip}`) === 'private';
      }),
    );
  });

  it('gives a mapped IPv6 address the class of its IPv4 address, in both notations', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
        const hex = `${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}`;
        const want = classifyAddress(ip);
        return (
          classifyAddress(`::ffff:${ip}`) === want && classifyAddress(`::ffff:${hex}`) === want
        );
      }),
    );
  });

  it('agrees with node:net on which strings are IPv6 addresses', async () => {
    const { isIPv6 } = await import('node:net');
    fc.assert(
      fc.property(fc.ipV6(), (ip) => isIPv6(ip) && classifyAddress(ip) !== 'invalid'),
      { numRuns: 2000 },
    );
  });
});
