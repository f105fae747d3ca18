import { TerraformMetaArguments } from 'cdktf';
import { Construct } from 'constructs';
import { AttributeKind, LibraryResource, TypedAttribute } from '../terraform/library-resource';
import { ProviderRequirement, TerraformProviderSource } from '../terraform/provider-requirement';

/** The AWS provider whose `aws_route53_record` schema this writes; the attributes used are the same in every 6.x. */
export const AWS_PROVIDER: TerraformProviderSource = {
  name: 'aws',
  source: 'hashicorp/aws',
  versionConstraint: '~> 6.0',
};

/** The `aws_route53_record` attributes an MX RRset needs (provider 6.25). */
export interface Route53RecordConfig extends TerraformMetaArguments {
  readonly zoneId: string;
  readonly name: string;
  readonly recordType: string;
  readonly ttl: number;
  readonly records: string[];
}

/** `aws_route53_record`, written by the library itself: no AWS binding package is needed for the records. */
export class Route53Record extends LibraryResource {
  constructor(scope: Construct, id: string, private readonly config: Route53RecordConfig) {
    super(scope, id, { terraformResourceType: 'aws_route53_record', ...config });
    ProviderRequirement.ensure(this, AWS_PROVIDER);
  }

  protected attributes(): { [name: string]: TypedAttribute } {
    const { zoneId, name, recordType, ttl, records } = this.config;
    return {
      zone_id: { kind: AttributeKind.STRING, value: zoneId },
      name: { kind: AttributeKind.STRING, value: name },
      type: { kind: AttributeKind.STRING, value: recordType },
      ttl: { kind: AttributeKind.NUMBER, value: ttl },
      records: { kind: AttributeKind.STRING_SET, value: records },
    };
  }
}
