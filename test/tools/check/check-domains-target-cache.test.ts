import { createSocket, RemoteInfo } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { checkDomains } from '../../../tools/check/check-domain';
import { PRIMARY_ZONES } from './fixture-zones';
import { findFreePort, nsdAvailable, RunningNsd, startNsd } from './nsd-harness';

const run = nsdAvailable() ? describe : describe.skip;

/** A UDP relay in front of NSD that counts the questions it passes on. */
async function countingRelay(upstream: RunningNsd) {
  const questions: string[] = [];
  const socket = createSocket('udp4');
  const clients = new Map<number, RemoteInfo>();
  socket.on('message', (message, from) => {
    if (from.port === upstream.port && from.address === upstream.host) {
      const client = clients.get(message.readUInt16BE(0));
      if (client) socket.send(message, client.port, client.address);
      return;
    }
    const [question] = dnsPacket.decode(message).questions ?? [];
    if (question) questions.push(`${question.type} ${question.name}`);
    clients.set(message.readUInt16BE(0), from);
    socket.send(message, upstream.port, upstream.host);
  });
  const port = await findFreePort();
  await new Promise<void>((bound) => socket.bind(port, '127.0.0.1', bound));
  return { address: `127.0.0.1:${port}`, questions, close: () => new Promise<void>((closed) => socket.close(closed)) };
}

run('checkDomains against NSD through a counting relay', () => {
  let nsd: RunningNsd;
  beforeAll(async () => {
    nsd = await startNsd('127.0.0.1', await findFreePort(), PRIMARY_ZONES);
  });
  afterAll(() => nsd?.stop());

  test('asks about a target host shared by many domains only once per run', async () => {
    const relay = await countingRelay(nsd);
    try {
      const report = await checkDomains(['ok.test', 'demoted.test', 'synth.test'], { resolvers: [relay.address], timeoutMs: 1000, concurrency: 3 });
      expect(report.domains.map((d) => d.servers[0].records.length)).toEqual([1, 2, 2]);
      expect(relay.questions.filter((q) => q.startsWith('MX '))).toHaveLength(3);
      expect(relay.questions.filter((q) => q === 'A mx1.cloudaccess.net')).toHaveLength(1);
    } finally {
      await relay.close();
    }
  });
});
