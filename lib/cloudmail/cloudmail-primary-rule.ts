import { MxRecord } from '../model/mx-server';
import { ValidationReason } from '../model/validation-reason';
import { CloudMail } from './cloudmail';

/** mx1.cloudaccess.net must be present with the strictly lowest priority, shared with no other host. */
export function validateCloudMailPrimary(records: readonly MxRecord[], property = 'servers'): ValidationReason[] {
  const primary = records.find((record) => record.hostName === CloudMail.PRIMARY_HOST);
  const value = records.map((record) => `${record.priority} ${record.hostName}`);
  if (primary === undefined) {
    return [{ property, value, problem: `does not include ${CloudMail.PRIMARY_HOST}`, fix: `add ${CloudMail.PRIMARY_HOST} with the lowest priority, e.g. servers: CloudMail.servers({ backups: [...] })` }];
  }
  const rivals = records.filter((record) => record !== primary && record.priority <= primary.priority);
  if (rivals.length === 0) return [];
  const names = rivals.map((record) => `${record.hostName} (${record.priority})`).join(', ');
  return [{
    property,
    value,
    problem: `gives ${CloudMail.PRIMARY_HOST} priority ${primary.priority}, but ${names} ${rivals.length === 1 ? 'has' : 'have'} the same or a lower value`,
    fix: `give ${CloudMail.PRIMARY_HOST} a priority strictly lower than every other host, e.g. 10 for it and 20, 30, … for the rest`,
  }];
}
