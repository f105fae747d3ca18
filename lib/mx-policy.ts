import { MxRecord } from './model/mx-server';
import { HostRule } from './model/mx-servers-validator';
import { ValidationReason } from './model/validation-reason';

/** Rules a mail vendor adds on top of plain MX validity, e.g. CloudMail's. */
export interface MxPolicy {
  /** Checked on every normalized host name. */
  readonly hostRule?: HostRule;
  /** Checked on the whole valid, sorted record set. */
  readonly setRule?: (records: readonly MxRecord[]) => ValidationReason[];
}
