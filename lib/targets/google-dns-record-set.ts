import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from '../terraform/library-resource';
import { ProviderRequirement, TerraformProviderSource } from '../terraform/provider-requirement';

/**
 * The Google provider whose `google_dns_record_set` schema this writes. The
 * attributes used (managed_zone, project, name, type, ttl, rrdatas) are the
 * same from 4.x through 7.x, so any version of a provider construct is accepted.
 */
export const GOOGLE_PROVIDER: TerraformProviderSource = {
  name: 'google',
  source: 'hashicorp/google',
  versionConstraint: '>= 4.0, < 8.0',
};

/** The `google_dns_record_set` attributes an MX set needs. */
export interface GoogleDnsRecordSetConfig extends TerraformMetaArguments {
  readonly managedZone: string;
  /** Absent: the provider's project. */
  readonly project?: string;
  readonly name: string;
  readonly recordType: string;
  readonly ttl: number;
  readonly rrdatas: string[];
}

/** `google_dns_record_set`, written by the library itself: no Google binding package is needed. */
export class GoogleDnsRecordSet extends LibraryResource {
  constructor(scope: Construct, id: string, private readonly config: GoogleDnsRecordSetConfig) {
    super(scope, id, { terraformResourceType: 'google_dns_record_set', ...config });
    ProviderRequirement.ensure(this, GOOGLE_PROVIDER);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    const { managedZone, project, name, recordType, ttl, rrdatas } = this.config;
    return {
      managed_zone: { kind: AttributeKind.STRING, value: managedZone },
      ...(project === undefined ? {} : { project: { kind: AttributeKind.STRING, value: project } }),
      name: { kind: AttributeKind.STRING, value: name },
      type: { kind: AttributeKind.STRING, value: recordType },
      ttl: { kind: AttributeKind.NUMBER, value: ttl },
      rrdatas: { kind: AttributeKind.STRING_SET, value: rrdatas },
    };
  }
}
