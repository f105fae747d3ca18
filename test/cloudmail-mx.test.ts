import { TerraformVariable } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../lib';
import { MxValidationError } from '../lib/model/mx-validation-error';
import { CLOUDFLARE_ZONE, resourcesByPath, ROUTE53_ZONE, synth } from './harness';

const cloudflare = DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE });
const route53 = DnsTarget.route53({ zoneId: ROUTE53_ZONE });

function errorOf(build: () => unknown): MxValidationError {
  try {
    build();
  } catch (error) {
    if (error instanceof MxValidationError) return error;
    throw error;
  }
  throw new Error('expected an MxValidationError');
}

test('defaults to mx1.cloudaccess.net at priority 10 with TTL 3600', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'example-com', { domain: 'example.com', target: cloudflare }));
  expect(resourcesByPath(out, 'cloudflare_dns_record')).toEqual({
    'example-com/mx1_cloudaccess_net': expect.objectContaining({ content: 'mx1.cloudaccess.net', priority: 10, ttl: 3600 }),
  });
});

test('exposes the record set it wrote', () => {
  synth((stack) => {
    const mx = new CloudMailMx(stack, 'd', { domain: 'Example.ORG.', target: route53, servers: CloudMail.servers({ backups: ['b.example.net'] }), ttl: 600 });
    expect(mx.recordSet).toEqual({
      domain: 'example.org',
      ttl: 600,
      records: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'b.example.net', priority: 20 }],
    });
  });
});

test('an internationalized domain is written in punycode', () => {
  const out = synth((stack) => new CloudMailMx(stack, 'idn', { domain: 'bücher.example', target: cloudflare }));
  expect(Object.values(resourcesByPath(out, 'cloudflare_dns_record'))[0].name).toBe('xn--bcher-kva.example');
});

test('the article\'s misspelling "mx1.cloudcccess.net" is refused with "did you mean"', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'example-com', {
    domain: 'example.com',
    target: cloudflare,
    servers: [{ hostName: 'mx1.cloudcccess.net', priority: 10 }],
  })));
  expect(error.constructPath).toBe('test/example-com');
  expect(error.message).toContain('servers[0].hostName = "mx1.cloudcccess.net": is not a CloudMail host, but looks like a misspelling of one. Fix: did you mean mx1.cloudaccess.net?');
});

test('the article\'s "mx1.cloudaccess.net.com." is refused with "did you mean"', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', {
    domain: 'example.com',
    target: cloudflare,
    servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'mx1.cloudaccess.net.com.', priority: 20 }],
  })));
  expect(error.reasons).toEqual([expect.objectContaining({ property: 'servers[1].hostName', fix: 'did you mean mx1.cloudaccess.net?' })]);
});

test('mx1 sharing the top priority is refused', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', {
    domain: 'example.com',
    target: cloudflare,
    servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'backup.example.net', priority: 10 }],
  })));
  expect(error.reasons).toEqual([expect.objectContaining({ property: 'servers', problem: expect.stringMatching(/backup\.example\.net \(10\)/) })]);
});

test('a set without mx1 is refused', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', {
    domain: 'example.com',
    target: cloudflare,
    servers: [{ hostName: 'mail.example.net', priority: 10 }],
  })));
  expect(error.reasons[0].problem).toBe('does not include mx1.cloudaccess.net');
});

test('an empty server list is an error', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, servers: [] })));
  expect(error.reasons[0]).toMatchObject({ property: 'servers', problem: expect.stringMatching(/empty/) });
});

test('every problem of a construct is reported together, with the construct path', () => {
  const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'broken', {
    domain: 'exa mple.com',
    target: DnsTarget.cloudflare({ zoneId: 'nope' }),
    servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: '192.0.2.1', priority: 99999 }],
    ttl: 45,
  })));
  expect(error.message).toMatch(/^Invalid MX configuration at test\/broken \(5 problems\):/);
  expect(error.reasons.map((reason) => reason.property)).toEqual([
    'domain',
    'servers[1].hostName',
    'servers[1].priority',
    'ttl',
    'target.zoneId',
  ]);
});

test('a refused construct writes no resource at all', () => {
  const out = synth((stack) => {
    expect(() => new CloudMailMx(stack, 'bad', { domain: 'example.com', target: cloudflare, ttl: 7 })).toThrow(MxValidationError);
  });
  expect(out.resources).toEqual({});
});

test('a TTL or priority only known at deploy time is refused with a literal-value fix', () => {
  const error = errorOf(() => synth((stack) => {
    const variable = new TerraformVariable(stack, 'n', { type: 'number' });
    new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, ttl: variable.numberValue, servers: [{ hostName: 'mx1.cloudaccess.net', priority: variable.numberValue }] });
  }));
  expect(error.reasons.map((r) => [r.property, r.problem])).toEqual([
    ['servers[0].priority', 'is a token that is only known at deploy time'],
    ['ttl', 'is a token that is only known at deploy time'],
  ]);
});

describe('names that only look right', () => {
  test('a backup that imitates mx1.cloudaccess.net with a Cyrillic letter is refused with the host it imitates', () => {
    const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, servers: CloudMail.servers({ backups: ['mx1.cloud\u0430ccess.net'] }) })));
    expect(error.reasons).toEqual([expect.objectContaining({ property: 'servers[1].hostName', value: 'mx1.cloud\u0430ccess.net', fix: 'did you mean mx1.cloudaccess.net?' })]);
  });

  test.each(['com', 'localhost', 'xn--zz.com', 'exam\tple.com'])('the domain %j is refused', (domain) => {
    expect(errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', { domain, target: cloudflare }))).reasons.map((reason) => reason.property)).toEqual(['domain']);
  });

  test('NaN as a TTL is printed as NaN', () => {
    expect(errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, ttl: Number.NaN }))).message).toContain('ttl = NaN: is not a TTL Cloudflare accepts');
  });
});

describe('adopting records that exist already (set by hand, or the state was lost)', () => {
  const ids = ['a1b2c3d4e5f60718293a4b5c6d7e8f90', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'].map((record) => `${CLOUDFLARE_ZONE}/${record}`);
  const imports = (json: string) => (JSON.parse(json).import ?? []) as { id: string; to: string }[];

  test('Cloudflare imports each server by its importId instead of creating a duplicate; nothing is gated', () => {
    const out = synth((stack) => new CloudMailMx(stack, 'd', {
      domain: 'example.com',
      target: cloudflare,
      servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10, importId: ids[0] }, { hostName: 'backup1.example.net', priority: 20, importId: ids[1] }],
      adopt: true,
    }));
    expect(imports(out.json).map((block) => block.id).sort()).toEqual([...ids].sort());
    expect(out.resources.terraform_data).toBeUndefined();
  });

  test('Route53 imports the RRset', () => {
    const out = synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: route53, adopt: true }));
    expect(imports(out.json)).toEqual([expect.objectContaining({ id: `${ROUTE53_ZONE}_example.com_MX` })]);
  });

  test('adoption involves no stage: with a rollout it is refused', () => {
    expect(errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', {
      domain: 'example.com', target: route53, adopt: true,
      legacy: { servers: [{ hostName: 'mail.old.net', priority: 10 }] },
      rollout: { stage: RolloutStage.COMPLETE, previousTtl: 3600 },
    }))).reasons).toEqual([expect.objectContaining({ property: 'adopt', problem: 'takes over records that already exist, which no rollout stage gates' })]);
  });

  test('Cloudflare needs an importId per server, of the target\'s zone, used once across servers and legacy records', () => {
    const error = errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', {
      domain: 'example.com',
      target: cloudflare,
      servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10, importId: ids[0] }, { hostName: 'backup1.example.net', priority: 20 }],
      legacy: { servers: [{ hostName: 'mail.old.net', priority: 30, importId: ids[0] }], policy: LegacyPolicy.DEMOTE },
      adopt: true,
    })));
    expect(error.reasons.map((reason) => reason.property)).toEqual(['servers[1].importId', 'legacy.servers[0].importId']);
  });

  test('an importId without adopt is refused: it would be ignored', () => {
    expect(errorOf(() => synth((stack) => new CloudMailMx(stack, 'd', { domain: 'example.com', target: cloudflare, servers: [{ hostName: 'mx1.cloudaccess.net', priority: 10, importId: ids[0] }] }))).reasons)
      .toEqual([expect.objectContaining({ property: 'servers[0].importId', fix: 'remove importId; to take over records that already exist, use CloudMailMx with adopt: true' })]);
  });
});
