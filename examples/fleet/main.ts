import { join } from 'node:path';
import { App } from 'cdktf';
import { CloudMailFleet, FleetBackend, FleetFile } from '../../lib'; // in your project: 'cloudmail-mx'

// 1,000 domains → one stack per provider and shard: mail-cloudflare-0 … mail-route53-7.
const app = new App();
new CloudMailFleet(app, 'mail', {
  definition: FleetFile.load(join(__dirname, 'mail-domains.json')),
  // One state file per stack (cloudmail-mx/<stack>.tfstate), locked by S3 itself.
  backend: FleetBackend.s3({ bucket: 'example-terraform-state', region: 'eu-west-1' }),
});
app.synth();
