/**
 * The two packages built from one source: the same constructs for CDK for
 * Terraform (cdktf 0.21, its final release) and for its maintained successor
 * CDK Terrain (cdktn). A jsii assembly names its types by the core package
 * (`cdktf.TerraformStack` vs `cdktn.TerraformStack`), so one package cannot
 * serve both. The repository's package.json is the cdktf package's manifest;
 * the cdktn package is the same source with the core's imports rewritten,
 * and the manifest fields below replaced.
 */
export interface CoreVariant {
  /** The core package the package's code imports. */
  readonly core: 'cdktf' | 'cdktn';
  /** package.json fields that differ from the repository's (name, peers, per-language names, ...). */
  readonly manifest: Record<string, unknown>;
}

export const CORE_VARIANTS: readonly CoreVariant[] = [
  { core: 'cdktf', manifest: {} },
  {
    core: 'cdktn',
    manifest: {
      name: 'cloudmail-mx-cdktn',
      description: "CDK Terrain (cdktn) constructs that point a domain's MX records at CloudMail (CloudAccess.net), validated and drift-free, on Cloudflare, Route53, Google Cloud DNS, Azure DNS and any RFC 2136 server.",
      keywords: ['cdk', 'cdktn', 'cdk-terrain', 'terraform', 'mx', 'dns', 'email', 'cloudmail', 'cloudflare', 'route53', 'google-cloud-dns', 'azure-dns', 'rfc2136'],
      peerDependencies: { cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' },
      jsiiTargets: {
        python: { distName: 'cloudmail-mx-cdktn', module: 'cloudmail_mx_cdktn' },
        java: { package: 'io.github.cloudmailmx.cdktn', maven: { groupId: 'io.github.cloudmail-mx', artifactId: 'cloudmail-mx-cdktn' } },
        dotnet: { namespace: 'CloudmailMx.Cdktn', packageId: 'CloudmailMx.Cdktn' },
        go: { moduleName: 'github.com/cloudmail-mx/cloudmail-mx-cdktn-go', packageName: 'cloudmailmxcdktn' },
      },
    },
  },
];

/** Rewrites a source file's imports of the repository's core (`cdktf`, `cdktf/lib/...`) to `core`. */
export function importCore(source: string, core: CoreVariant['core']): string {
  return source.replace(/(from\s+|require\(|import\()(['"])cdktf(\/[^'"]*)?\2/g, (_match, keyword: string, quote: string, subpath = '') => `${keyword}${quote}${core}${subpath}${quote}`);
}
