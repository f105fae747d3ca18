import { App, LocalBackend, TerraformStack } from 'cdktf';
import { CloudMail, CloudMailMx, DnsTarget, LegacyPolicy } from '../../lib'; // in your project: 'cloudmail-mx'

const app = new App();
const stack = new TerraformStack(app, 'azure-mail');
new LocalBackend(stack, { path: 'terraform.azure-mail.tfstate' });
// No provider construct needed: the library writes provider "azurerm" { features {} }, and the
// provider reads ARM_SUBSCRIPTION_ID and its credentials from the environment.

// The zone apex: written as "@".
new CloudMailMx(stack, 'example-com', {
  domain: 'example.com',
  target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.com' }),
  servers: CloudMail.servers({ backups: ['backup1.example.net'] }),
});

// A name below the zone that has MX records today: taken over by importing its ARM ID, which needs
// the subscription. Without a rollout the old record is replaced in one apply (with a warning).
new CloudMailMx(stack, 'lists-example-com', {
  domain: 'lists.example.com',
  target: DnsTarget.azureDns({ resourceGroupName: 'dns-rg', zoneName: 'example.com', subscriptionId: '00000000-0000-0000-0000-000000000000' }),
  legacy: { servers: [{ hostName: 'lists.oldhost.net', priority: 10 }], policy: LegacyPolicy.DELETE },
});

app.synth();
