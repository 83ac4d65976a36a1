import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPrivateAddress, privateUrlReason } from './address-guard.js';

test('loopback, private, link-local, CGNAT, multicast and unspecified addresses are private', () => {
  for (const address of ['127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', 'not an address']) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

test('a URL is refused when its host is, or resolves to, a private address', async () => {
  const resolve = async (host: string): Promise<readonly string[]> => (host === 'inside.example' ? ['93.184.216.34', '10.0.0.7'] : host === 'public.example' ? ['93.184.216.34'] : []);
  assert.match((await privateUrlReason('http://127.0.0.1:8080/x', resolve)) ?? '', /127\.0\.0\.1/);
  assert.match((await privateUrlReason('http://[::1]/x', resolve)) ?? '', /::1/);
  assert.match((await privateUrlReason('http://LOCALHOST/x', resolve)) ?? '', /this machine/);
  assert.match((await privateUrlReason('http://inside.example/x', resolve)) ?? '', /10\.0\.0\.7/);
  assert.equal(await privateUrlReason('http://public.example/x', resolve), null);
  assert.equal(await privateUrlReason('https://93.184.216.34/x', resolve), null);
  const failing = async (): Promise<readonly string[]> => {
    throw new Error('ENOTFOUND');
  };
  assert.equal(await privateUrlReason('http://nowhere.example/x', failing), null, 'an unresolvable name is left to the fetch to report');
});
