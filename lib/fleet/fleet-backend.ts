import { LocalBackend, S3Backend, TerraformStack } from 'cdktf';

/** Gives each fleet stack its Terraform backend; the state key must derive from the stack name. */
export interface IFleetBackend {
  /** Adds the backend of the stack called `stackName` to `stack`. */
  bind(stack: TerraformStack, stackName: string): void;
}

/** Props for {@link FleetBackend.s3}. */
export interface S3FleetBackendProps {
  /** The S3 bucket that holds every stack's state. */
  readonly bucket: string;
  /** The bucket's region. */
  readonly region: string;
  /**
   * Prefix of each state key; the key is `<keyPrefix><stack name>.tfstate`.
   * @default 'cloudmail-mx/'
   */
  readonly keyPrefix?: string;
}

/** Props for {@link FleetBackend.local}. */
export interface LocalFleetBackendProps {
  /**
   * Folder of the state files, relative to each stack's working directory.
   * @default '.' - terraform.<stack name>.tfstate beside the stack
   */
  readonly directory?: string;
}

/** Backends for fleet stacks. Both write only relative or remote paths, so synthesis is identical in every checkout. */
export class FleetBackend {
  /**
   * S3 with S3-native locking (`use_lockfile`, Terraform >= 1.10; no DynamoDB table)
   * and server-side encryption. Synthesizing needs no credentials.
   */
  public static s3(props: S3FleetBackendProps): IFleetBackend {
    return {
      bind: (stack, stackName) => {
        const backend = new S3Backend(stack, {
          bucket: props.bucket,
          region: props.region,
          key: `${props.keyPrefix ?? 'cloudmail-mx/'}${stackName}.tfstate`,
          encrypt: true,
        });
        // cdktf 0.21's S3Backend predates use_lockfile, so it is set as an override.
        backend.addOverride('use_lockfile', true);
      },
    };
  }

  /** Local state files: for trying a fleet out, not for teams (no locking across machines). */
  public static local(props: LocalFleetBackendProps = {}): IFleetBackend {
    return {
      bind: (stack, stackName) => {
        new LocalBackend(stack, { path: `${props.directory ?? '.'}/terraform.${stackName}.tfstate` });
      },
    };
  }

  private constructor() {}
}
