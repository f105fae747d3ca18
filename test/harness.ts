import { AnnotationMetadataEntryType, App, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';

/** One synthesized stack, parsed. */
export interface SynthesizedStack {
  readonly stack: TerraformStack;
  /** `resource` of cdk.tf.json: type → key → attributes. */
  readonly resources: Record<string, Record<string, Record<string, unknown>>>;
  readonly json: string;
}

/** Builds a stack with `build`, synthesizes it and returns its resources (the aws-cdk / cdk-nag harness). */
export function synth(build: (stack: TerraformStack) => void): SynthesizedStack {
  const app: App = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  const json = Testing.synth(stack);
  const parsed = JSON.parse(json) as { resource?: SynthesizedStack['resources'] };
  return { stack, resources: parsed.resource ?? {}, json };
}

/** Attributes of every resource of one type, without cdktf's metadata. */
export function resourcesOfType(synthesized: SynthesizedStack, type: string): Record<string, Record<string, unknown>> {
  const byKey = synthesized.resources[type] ?? {};
  return Object.fromEntries(
    Object.entries(byKey).map(([key, attributes]) => {
      const { ['//']: _metadata, ...rest } = attributes;
      return [key, rest];
    }),
  );
}

/** Attributes of every resource of one type, keyed by construct path below the stack. */
export function resourcesByPath(synthesized: SynthesizedStack, type: string): Record<string, Record<string, unknown>> {
  const byKey = resourcesOfType(synthesized, type);
  const { stack } = synthesized;
  return Object.fromEntries(
    stack.node
      .findAll()
      .filter((node): node is TerraformResource => TerraformResource.isTerraformResource(node) && node.terraformResourceType === type)
      .map((resource) => [resource.node.path.split('/').slice(1).join('/'), byKey[stack.getLogicalId(resource)]]),
  );
}

/** Warning annotations attached anywhere below `scope`. */
export function warningsOf(scope: Construct): string[] {
  return scope.node
    .findAll()
    .flatMap((node) => node.node.metadata)
    .filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)
    .map((entry) => String(entry.data));
}

export const CLOUDFLARE_ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
export const ROUTE53_ZONE = 'Z0123456789ABCDEFGHIJ';
