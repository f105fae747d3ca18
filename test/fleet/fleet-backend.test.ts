import { TerraformStack, Testing } from 'cdktf';
import { FleetBackend, IFleetBackend } from '../../lib';

function backendOf(backend: IFleetBackend): unknown {
  const stack = new TerraformStack(Testing.app(), 'mail-cloudflare-03');
  backend.bind(stack, 'mail-cloudflare-03');
  return JSON.parse(Testing.synth(stack)).terraform.backend;
}

test('S3: one key per stack name, S3-native locking, encryption', () => {
  expect(backendOf(FleetBackend.s3({ bucket: 'state', region: 'eu-west-1' }))).toEqual({
    s3: { bucket: 'state', region: 'eu-west-1', key: 'cloudmail-mx/mail-cloudflare-03.tfstate', encrypt: true, use_lockfile: true },
  });
  expect(backendOf(FleetBackend.s3({ bucket: 'state', region: 'eu-west-1', keyPrefix: 'dns/' }))).toMatchObject({ s3: { key: 'dns/mail-cloudflare-03.tfstate' } });
});

test('local: a relative state file per stack', () => {
  expect(backendOf(FleetBackend.local())).toEqual({ local: { path: './terraform.mail-cloudflare-03.tfstate' } });
  expect(backendOf(FleetBackend.local({ directory: '../../state' }))).toEqual({ local: { path: '../../state/terraform.mail-cloudflare-03.tfstate' } });
});
