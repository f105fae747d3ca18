import { MxServer } from '../model/mx-server';

/** Options for {@link CloudMail.servers}. */
export interface CloudMailServersOptions {
  /**
   * Backup mail hosts, in order. They get priorities 20, 30, … after
   * mx1.cloudaccess.net at 10. CloudMail's own backup host names are not
   * published in a form we could verify, so none are invented.
   * @default - no backups
   */
  readonly backups?: string[];
}

/** CloudMail (CloudAccess.net) facts and the record set it needs. */
export class CloudMail {
  /** The primary CloudMail mail exchanger; it must have the unique lowest priority. */
  public static readonly PRIMARY_HOST = 'mx1.cloudaccess.net';
  /** The domain CloudMail's mail hosts live under. */
  public static readonly DOMAIN = 'cloudaccess.net';
  /** The priority {@link CloudMail.servers} gives the primary; backups follow in steps of the same size. */
  public static readonly PRIMARY_PRIORITY = 10;

  /** mx1.cloudaccess.net at priority 10, then each backup at 20, 30, … */
  public static servers(options: CloudMailServersOptions = {}): MxServer[] {
    const hosts = [CloudMail.PRIMARY_HOST, ...(options.backups ?? [])];
    return hosts.map((hostName, index) => ({ hostName, priority: CloudMail.PRIMARY_PRIORITY * (index + 1) }));
  }

  /** True for a normalized host under cloudaccess.net. */
  public static isCloudMailHost(hostName: string): boolean {
    return hostName === CloudMail.DOMAIN || hostName.endsWith(`.${CloudMail.DOMAIN}`);
  }

  private constructor() {}
}
