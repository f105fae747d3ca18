import { App, TerraformStack } from 'cdktf';
import { CloudMailMx, DnsTarget, FleetFile, ValidationErrors } from '../../lib';
import { CLOUDFLARE_ZONE } from '../harness';

function thrownBy(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

test('a construct\'s validation error is recognized and gives every reason', () => {
  const stack = new TerraformStack(new App(), 'mail');
  const error = thrownBy(() => new CloudMailMx(stack, 'd', { domain: 'bad..example', target: DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }), ttl: 5 }));
  expect(ValidationErrors.isValidationError(error)).toBe(true);
  expect(ValidationErrors.reasonsOf(error).map((reason) => reason.property)).toEqual(['domain', 'ttl']);
});

test('a fleet file\'s validation error gives one reason per problem, each naming its entry', () => {
  const error = thrownBy(() => FleetFile.fromDocument({ shards: 1, domains: [{ domain: 'example.com', provider: 'digitalocean', zoneId: 'z' }] }, 'fleet.json'));
  expect(ValidationErrors.isValidationError(error)).toBe(true);
  expect(ValidationErrors.reasonsOf(error)).toEqual([expect.objectContaining({ entry: 'example.com (domains[0])', property: 'provider' })]);
});

test('any other value is not a validation error and has no reasons', () => {
  for (const value of [new Error('boom'), 'text', undefined, { reasons: [] }]) {
    expect(ValidationErrors.isValidationError(value)).toBe(false);
    expect(ValidationErrors.reasonsOf(value)).toEqual([]);
  }
});
