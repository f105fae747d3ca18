import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from '../terraform/library-resource';
import { ProviderRequirement, TerraformProviderSource } from '../terraform/provider-requirement';

/** The Cloudflare provider whose `cloudflare_dns_record` schema this writes (5.x; 4.x has no such resource). */
export const CLOUDFLARE_PROVIDER: TerraformProviderSource = {
  name: 'cloudflare',
  source: 'cloudflare/cloudflare',
  versionConstraint: '~> 5.14',
  requiredMajorVersion: 5,
};

/** The `cloudflare_dns_record` attributes an MX record needs (provider 5.14). */
export interface CloudflareDnsRecordConfig extends TerraformMetaArguments {
  readonly zoneId: string;
  readonly name: string;
  readonly recordType: string;
  readonly content: string;
  readonly priority: number;
  readonly ttl: number;
}

/** `cloudflare_dns_record`, written by the library itself: no Cloudflare binding package is needed. */
export class CloudflareDnsRecord extends LibraryResource {
  constructor(scope: Construct, id: string, private readonly config: CloudflareDnsRecordConfig) {
    super(scope, id, { terraformResourceType: 'cloudflare_dns_record', ...config });
    ProviderRequirement.ensure(this, CLOUDFLARE_PROVIDER);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    const { zoneId, name, recordType, content, priority, ttl } = this.config;
    return {
      zone_id: { kind: AttributeKind.STRING, value: zoneId },
      name: { kind: AttributeKind.STRING, value: name },
      type: { kind: AttributeKind.STRING, value: recordType },
      content: { kind: AttributeKind.STRING, value: content },
      priority: { kind: AttributeKind.NUMBER, value: priority },
      ttl: { kind: AttributeKind.NUMBER, value: ttl },
    };
  }
}
