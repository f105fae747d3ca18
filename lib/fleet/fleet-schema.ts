import { z } from 'zod';
import { entryLabel, FleetProblem, FleetValidationError } from './fleet-validation-error';
import { Weekday } from '../rollout/maintenance-window';
import { LegacyPolicy, RolloutStage } from '../rollout/rollout-stage';
import { FleetDefinition, FleetEntry } from './fleet-entry';
import { DnsProvider } from '../targets/dns-provider';

/** Most shards per provider: far beyond any fleet, low enough to catch a domain count typed into `shards`. */
export const MAX_SHARDS = 1000;

const seconds = z.number().int().min(0);

// A fleet entry has one zoneId; the providers whose zone is named by one ID.
const FLEET_PROVIDERS = [DnsProvider.CLOUDFLARE, DnsProvider.ROUTE53] as const;

// The file spells policies and stages in kebab case; entries carry the construct API's enums.
const FILE_LEGACY_POLICY = { delete: LegacyPolicy.DELETE, demote: LegacyPolicy.DEMOTE } as const;
const FILE_ROLLOUT_STAGE = { 'lower-ttl': RolloutStage.LOWER_TTL, 'cutover': RolloutStage.CUTOVER, 'complete': RolloutStage.COMPLETE, 'rollback': RolloutStage.ROLLBACK } as const;
const FILE_WEEKDAY = Object.fromEntries(Object.values(Weekday).map((day) => [day.toLowerCase(), day])) as Record<Lowercase<Weekday>, Weekday>;
const fileEnum = <T extends Record<string, string>>(values: T) =>
  z.enum(Object.keys(values) as [keyof T & string, ...(keyof T & string)[]]).transform((key) => values[key]);

// The schema checks shape and types only; DNS names, zone IDs, TTL ranges and
// CloudMail's rules are checked by CloudMailMx itself, so there is one source of truth.
const legacySchema = z.strictObject({
  servers: z.array(z.strictObject({
    hostName: z.string().min(1),
    priority: z.number().int().min(0).max(65535),
    importId: z.string().min(1).optional(),
  })).min(1),
  policy: fileEnum(FILE_LEGACY_POLICY).default(LegacyPolicy.DELETE),
});

const rolloutSchema = z.strictObject({
  stage: fileEnum(FILE_ROLLOUT_STAGE),
  previousTtl: seconds.min(1),
  rolloutTtl: seconds.optional(),
  soak: seconds.optional(),
  window: z.strictObject({
    days: z.array(fileEnum(FILE_WEEKDAY)).min(1).optional(),
    startUtc: z.string(),
    endUtc: z.string(),
  }).optional(),
});

const entrySchema = z.strictObject({
  domain: z.string().min(1),
  provider: z.enum(FLEET_PROVIDERS),
  zoneId: z.string().min(1),
  backups: z.array(z.string().min(1)).default([]),
  ttl: seconds.optional(),
  enterpriseZone: z.boolean().default(false),
  legacy: legacySchema.optional(),
  rollout: rolloutSchema.optional(),
}).superRefine((entry, context) => {
  if (entry.enterpriseZone && entry.provider !== DnsProvider.CLOUDFLARE) {
    context.addIssue({ code: 'custom', path: ['enterpriseZone'], message: 'is only meaningful for provider "cloudflare"', params: { fix: 'remove enterpriseZone from this entry' } });
  }
});

const fileSchema = z.strictObject({
  shards: z.number().int().min(1).max(MAX_SHARDS),
  domains: z.array(entrySchema),
});

/** Checks a parsed fleet document against the schema; throws one error naming every bad entry and field. */
export function parseFleetDocument(document: unknown, source: string): FleetDefinition {
  const result = fileSchema.safeParse(document);
  if (!result.success) {
    throw new FleetValidationError(source, result.error.issues.flatMap((issue) => toProblems(issue, document)));
  }
  const domains = result.data.domains.map((entry, index): FleetEntry => ({ ...entry, index }));
  return { source, shards: result.data.shards, domains };
}

function toProblems(issue: z.core.$ZodIssue, document: unknown): FleetProblem[] {
  const [head, index, ...rest] = issue.path;
  const inEntry = head === 'domains' && typeof index === 'number';
  const entry = inEntry ? entryLabel(valueAt(document, ['domains', index, 'domain']), index) : undefined;
  const within = inEntry ? rest : issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      entry,
      property: propertyPath([...within, key]),
      value: valueAt(document, [...issue.path, key]),
      problem: 'is not a field of the fleet format',
      fix: 'remove it, or correct its spelling (the fields are listed in examples/fleet/README.md)',
    }));
  }
  const property = propertyPath(within) || (inEntry ? '(entry)' : '(file)');
  return [{ entry, property, value: valueAt(document, issue.path), problem: issue.message, fix: fixFor(issue) }];
}

function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `use one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_type':
      return `give ${issue.expected === 'int' ? 'a whole number' : `a value of type ${issue.expected}`}`;
    case 'too_small':
      return issue.origin === 'array' ? `list at least ${issue.minimum} item(s), or leave the field out` : `use a value of at least ${issue.minimum}`;
    case 'too_big':
      return `use a value of at most ${issue.maximum}`;
    case 'custom':
      return String(issue.params?.fix);
    default:
      return 'see examples/fleet/README.md for the format';
  }
}

/** `domains[3].legacy.servers[0].priority` → relative property path such as `legacy.servers[0].priority`. */
function propertyPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
