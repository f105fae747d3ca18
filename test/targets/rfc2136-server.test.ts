import { rmSync } from 'node:fs';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../lib';
import { ExitCode, runCheckCommand } from '../../tools/check/run-check-command';
import { resourcesOfType, synth } from '../harness';
import { synthToTempDir } from '../tools/synth/synth-to-temp-dir';
import { DnsProviderMessages, MxSetAttributes } from './dns-provider-messages';
import { sendUpdate, servedMx, startBind, startKnot, UpdateServer, updateServersAvailable } from './rfc2136-servers';

const ZONE = 'example.com';
const FQDN = 'example.com.';
/** What example.com serves before its move: two old hosts at TTL 86400. */
const LIVE = ['update add example.com. 86400 MX 10 mail.example.com.', 'update add example.com. 86400 MX 20 mail2.example.com.'];
const ZONE_TEXT = [
  '$ORIGIN example.com.', '$TTL 3600',
  '@ SOA ns1 hostmaster 1 3600 600 86400 60', '@ NS ns1', 'ns1 A 127.0.0.1',
  '@ 86400 MX 10 mail', '@ 86400 MX 20 mail2', 'mail A 192.0.2.10', 'mail2 A 192.0.2.11', '',
].join('\n');

/** example.com moving to CloudMail on RFC 2136 at `stage`, with one TTL throughout (300 s). */
function movingDomain(stage: RolloutStage, policy = LegacyPolicy.DELETE) {
  return (stack: Parameters<Parameters<typeof synth>[0]>[0]) => new CloudMailMx(stack, 'example-com', {
    domain: 'example.com',
    target: DnsTarget.rfc2136({ zone: ZONE }),
    ttl: 300,
    legacy: { servers: [{ hostName: 'mail.example.com', priority: 10 }, { hostName: 'mail2.example.com', priority: 20 }], policy },
    rollout: { stage, previousTtl: 86400 },
  });
}

/** The dns_mx_record_set the library writes for a stage. */
function planned(stage: RolloutStage, policy?: LegacyPolicy): MxSetAttributes {
  const [attributes] = Object.values(resourcesOfType(synth(movingDomain(stage, policy)), 'dns_mx_record_set'));
  return attributes as unknown as MxSetAttributes;
}

const servers = updateServersAvailable() ? [['BIND', startBind], ['Knot', startKnot]] as const : [];
const run = servers.length > 0 ? describe.each(servers) : describe.skip.each([['none', startBind]] as const);

run('%s, as the hashicorp/dns provider would update it', (name, start) => {
  let server: UpdateServer;
  const read = (attributes: MxSetAttributes) => DnsProviderMessages.read(attributes, servedMx(server, FQDN));
  const served = () => servedMx(server, FQDN).map((r) => `${r.ttl} ${r.preference} ${r.exchange}`);

  beforeAll(async () => {
    server = await start(ZONE, ZONE_TEXT);
  });
  afterAll(() => server?.stop());
  beforeEach(() => sendUpdate(server, ZONE, [`update delete ${FQDN} MX`, ...LIVE]));

  test.each([LegacyPolicy.DELETE, LegacyPolicy.DEMOTE])('policy %s: after the TTL is lowered in one message, every stage is one atomic update of the same set', (policy) => {
    // What the takeover warning tells the user to run before LOWER_TTL.
    sendUpdate(server, ZONE, [`update delete ${FQDN} MX`, ...LIVE.map((line) => line.replace(' 86400 ', ' 300 '))]);
    let state = read(planned(RolloutStage.LOWER_TTL, policy));
    expect(state).toEqual(planned(RolloutStage.LOWER_TTL, policy));
    for (const stage of [RolloutStage.CUTOVER, RolloutStage.COMPLETE]) {
      const plan = planned(stage, policy);
      // Update is only what the provider does when the TTL stays; a new TTL would replace the set.
      expect(plan.ttl).toBe(state.ttl);
      sendUpdate(server, ZONE, DnsProviderMessages.update(state, plan));
      state = read(plan);
      expect(state).toEqual(plan);
    }
    expect(served()).toEqual(policy === LegacyPolicy.DELETE
      ? ['300 10 mx1.cloudaccess.net.']
      : ['300 10 mx1.cloudaccess.net.', '300 20 mail.example.com.', '300 30 mail2.example.com.']);
  });

  test('check --from-synth reads the dns_mx_record_set of LOWER_TTL and finds it served', async () => {
    sendUpdate(server, ZONE, [`update delete ${FQDN} MX`, ...LIVE.map((line) => line.replace(' 86400 ', ' 300 '))]);
    const outdir = synthToTempDir(movingDomain(RolloutStage.LOWER_TTL));
    let stdout = '';
    try {
      const code = await runCheckCommand(['--from-synth', outdir, '--resolver', server.address, '--json'], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
      expect(code).toBe(ExitCode.OK);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    expect(JSON.parse(stdout).domains[0]).toMatchObject({ domain: 'example.com', status: 'ok', findings: [] });
  });

  test('a TTL change is a replacement: Delete removes the whole RRset, and until Create the name has no MX at all', () => {
    const state = read(planned(RolloutStage.COMPLETE));
    sendUpdate(server, ZONE, DnsProviderMessages.delete(state));
    expect(served()).toEqual([]);
    sendUpdate(server, ZONE, DnsProviderMessages.create({ ...state, ttl: 3600 }));
    expect(served()).toEqual(['3600 10 mail.example.com.', '3600 20 mail2.example.com.']);
  });

  test('with create_before_destroy the replacement ends with no MX at all: Delete removes what Create just added', () => {
    const state = read(planned(RolloutStage.COMPLETE));
    sendUpdate(server, ZONE, DnsProviderMessages.create({ ...state, ttl: 3600 }));
    sendUpdate(server, ZONE, DnsProviderMessages.delete(state));
    expect(served()).toEqual([]);
  });
  test('a Create over the live set cannot be relied on to lower its TTL, which is why the set is imported', () => {
    sendUpdate(server, ZONE, DnsProviderMessages.create(planned(RolloutStage.LOWER_TTL)));
    // BIND gives the whole RRset the inserted TTL; Knot ignores a record it already has, TTL and all.
    expect(servedMx(server, FQDN).map((r) => r.ttl)).toEqual(name === 'BIND' ? [300, 300] : [86400, 86400]);
  });

  test('exchanges come back as the server stores them: only lowercase is the same on every server', () => {
    sendUpdate(server, ZONE, [`update delete ${FQDN} MX`, `update add ${FQDN} 300 MX 10 MX1.CloudAccess.NET.`]);
    expect(servedMx(server, FQDN).map((r) => r.exchange)).toEqual([name === 'BIND' ? 'MX1.CloudAccess.NET.' : 'mx1.cloudaccess.net.']);
  });
});
