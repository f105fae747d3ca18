import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { buildMailStack } from '../../../examples/staged-rollout/mail-stack';
import { CloudMailMx, DnsTarget, LegacyPolicy, RolloutStage } from '../../../lib';
import { buildSummaryReport, readSynthOutput, SummaryReport } from '../../../tools';
import { CLOUDFLARE_ZONE, ROUTE53_ZONE } from '../../harness';
import { synthToTempDir } from '../synth/synth-to-temp-dir';

const outdirs: string[] = [];

/** Removes every folder synthesized through this module; call it in afterAll. */
export function removeSynths(): void {
  outdirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
}

/** A stack "mail" (both providers) built by `build`, synthesized to a temp folder. */
export function synthMail(build: (stack: TerraformStack) => void): string {
  const outdir = synthToTempDir(build);
  outdirs.push(outdir);
  return outdir;
}

/** examples/staged-rollout at one stage, synthesized as its pull request would be. */
export function synthExampleStage(stage: RolloutStage): string {
  const outdir = mkdtempSync(join(tmpdir(), `summary-${stage}-`));
  outdirs.push(outdir);
  const app = new App({ outdir, skipValidation: true });
  buildMailStack(app, stage);
  app.synth();
  return outdir;
}

/** A live domain moving to CloudMail at `stage`, its one old record deleted at the end. */
export function movingDomain(stack: TerraformStack, domain: string, stage: RolloutStage, provider: 'cloudflare' | 'route53' = 'route53'): CloudMailMx {
  return new CloudMailMx(stack, domain.replace(/\./g, '-'), {
    domain,
    target: provider === 'cloudflare' ? DnsTarget.cloudflare({ zoneId: CLOUDFLARE_ZONE }) : DnsTarget.route53({ zoneId: ROUTE53_ZONE }),
    legacy: { servers: [{ hostName: `mail.${domain}`, priority: 10, importId: `${CLOUDFLARE_ZONE}/372e67954025e0ba6aaa6d586b9e0b59` }], policy: LegacyPolicy.DELETE },
    rollout: { stage, previousTtl: 86400 },
  });
}

/** A domain already on CloudMail. */
export function cloudMailDomain(stack: TerraformStack, domain: string, ttl = 3600): CloudMailMx {
  return new CloudMailMx(stack, domain.replace(/\./g, '-'), { domain, target: DnsTarget.route53({ zoneId: ROUTE53_ZONE }), ttl });
}

/** The report of `head`, compared with `base` when given. */
export function summarize(head: string, base?: string, maxChangePercent?: number): SummaryReport {
  return buildSummaryReport(readSynthOutput(head), { base: base === undefined ? undefined : readSynthOutput(base), maxChangePercent });
}
