import { createSocket, Socket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { queryDns } from '../../../tools/check/dns-query';
import { PRIMARY_ZONES } from './fixture-zones';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './nsd-harness';

describe('queryDns against a hostile peer on loopback', () => {
  let peer: Socket;
  let port: number;
  beforeAll(async () => {
    peer = createSocket('udp4');
    // Answers each query first with a wrong ID, then with the wrong question, then with garbage, and last correctly.
    peer.on('message', (message, sender) => {
      const query = dnsPacket.decode(message);
      const answer = (id: number, name: string): Buffer => dnsPacket.encode({
        type: 'response', id, questions: [{ name, type: 'MX', class: 'IN' }],
        answers: [{ type: 'MX', name, ttl: 60, data: { preference: id === query.id && name === 'ok.test' ? 10 : 99, exchange: 'mx1.cloudaccess.net' } }],
      });
      for (const packet of [answer((query.id! + 1) % 65536, 'ok.test'), answer(query.id!, 'evil.test'), Buffer.from([1, 2, 3]), answer(query.id!, 'ok.test')]) {
        peer.send(packet, sender.port, sender.address);
      }
    });
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
    port = peer.address().port;
  });
  afterAll(() => peer.close());

  test('ignores answers whose ID or question do not match, and malformed ones', async () => {
    const result = await queryDns({ host: '127.0.0.1', port }, { name: 'ok.test', type: 'MX' }, { timeoutMs: 1000, attempts: 1 });
    expect(result.kind === 'answered' && result.response.answers).toEqual([{ type: 'MX', name: 'ok.test', ttl: 60, preference: 10, exchange: 'mx1.cloudaccess.net' }]);
  });
});

(nsdAvailable() ? describe : describe.skip)('queryDns against NSD', () => {
  let nsd: RunningNsd;
  beforeAll(async () => {
    nsd = await startNsd('127.0.0.1', await findFreePort(), PRIMARY_ZONES);
  });
  afterAll(async () => nsd?.stop());

  test('falls back to TCP when the UDP answer is truncated (no EDNS0: 512 bytes)', async () => {
    const result = await queryDns(nsd, { name: 'big.test', type: 'MX' }, { timeoutMs: 1000, attempts: 1 });
    expect(result.kind === 'answered' && [result.transport, result.response.truncated, result.response.answers.length]).toEqual(['tcp', false, 40]);
  });

  test('stays on UDP when the answer fits', async () => {
    const result = await queryDns(nsd, { name: 'ok.test', type: 'MX' }, { timeoutMs: 1000, attempts: 1 });
    expect(result.kind === 'answered' && result.transport).toBe('udp');
  });
});
