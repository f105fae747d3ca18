import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CloudMailMx } from '../cloudmail-mx';
import { normalizeDnsName } from '../model/dns-name';
import { MxValidationError } from '../model/mx-validation-error';
import { FleetBackend, IFleetBackend } from './fleet-backend';
import { FleetDefinition, FleetEntry } from './fleet-entry';
import { fleetEntryProps, fleetProblemText, fleetProperty } from './fleet-entry-props';
import { FleetProviders, IFleetProviders } from './fleet-providers';
import { entryLabel, FleetProblem, FleetValidationError } from './fleet-validation-error';
import { shardOf, shardStackName } from './shard';

/** Props for {@link CloudMailFleet}. */
export interface CloudMailFleetProps {
  /** The domains and the shard count, e.g. `FleetFile.load('mail-domains.json')`. */
  readonly definition: FleetDefinition;
  /**
   * The backend of each stack; its state key derives from the stack name.
   * @default FleetBackend.local()
   */
  readonly backend?: IFleetBackend;
  /**
   * Adds each stack's Terraform provider.
   * @default FleetProviders.fromEnvironment()
   */
  readonly providers?: IFleetProviders;
}

/**
 * A fleet of CloudMail domains as many small Terraform stacks: one per
 * provider and shard, named `<id>-<provider>-<shard>`, so CI can plan and
 * apply them in parallel with one lock each. A domain's shard is a hash of
 * its name alone, so adding or removing a domain never moves another one.
 *
 * Every entry is validated before this constructor returns; the problems of
 * all domains are thrown together as one {@link FleetValidationError}, so
 * `app.synth()` is never reached with a bad entry.
 */
export class CloudMailFleet extends Construct {
  /** The stacks, sorted by name. */
  public readonly stacks: TerraformStack[];
  /** Normalized domain → the names of the stacks that hold it: one, or one per provider serving it. */
  public readonly placements: { [domain: string]: string[] };

  constructor(scope: Construct, id: string, props: CloudMailFleetProps) {
    super(scope, id);
    const { definition } = props;
    const backend = props.backend ?? FleetBackend.local();
    const providers = props.providers ?? FleetProviders.fromEnvironment();
    const stacks = new Map<string, TerraformStack>();
    const placements: { [domain: string]: string[] } = {};
    const firstEntryOf = new Map<string, FleetEntry>();
    const problems: FleetProblem[] = [];

    for (const entry of definition.domains) {
      const label = entryLabel(entry.domain, entry.index);
      const domain = normalizeDnsName(entry.domain, { property: 'domain', minLabels: 2 }).name;
      if (domain === undefined) {
        // A name that cannot be normalized has no shard; a scratch scope still collects all its reasons.
        problems.push(...publishEntry(new Construct(this, `invalid-${entry.index}`), entry.domain, entry, label));
        continue;
      }
      // One entry per domain and provider, as CloudMailMx allows one construct per domain and zone: a domain
      // served by two providers is two entries; two zones of one provider would be two constructs of one name in one stack.
      const key = `${entry.provider} ${domain}`;
      const earlier = firstEntryOf.get(key);
      if (earlier !== undefined) {
        problems.push({ entry: label, property: 'domain', value: entry.domain, problem: `repeats domains[${earlier.index}] (both are ${domain} on ${entry.provider})`, fix: 'list each domain once per provider' });
        continue;
      }
      firstEntryOf.set(key, entry);
      const name = shardStackName(id, entry.provider, shardOf(domain, definition.shards), definition.shards);
      let stack = stacks.get(name);
      if (stack === undefined) {
        stack = new TerraformStack(this, name);
        backend.bind(stack, name);
        providers.configure(stack, entry.provider);
        stacks.set(name, stack);
      }
      placements[domain] = [...(placements[domain] ?? []), name].sort();
      problems.push(...publishEntry(stack, domain, entry, label));
    }
    if (problems.length > 0) throw new FleetValidationError(definition.source, problems);
    this.stacks = [...stacks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, stack]) => stack);
    this.placements = placements;
  }
}

/** Builds one domain's records, turning its validation error into problems of its entry. */
function publishEntry(scope: Construct, id: string, entry: FleetEntry, label: string): FleetProblem[] {
  try {
    new CloudMailMx(scope, id, fleetEntryProps(entry));
    return [];
  } catch (error) {
    if (!(error instanceof MxValidationError)) throw error;
    return error.reasons.map((reason) => ({ ...reason, entry: label, property: fleetProperty(reason.property), problem: fleetProblemText(reason.problem) }));
  }
}
