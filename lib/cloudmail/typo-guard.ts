import { domainToUnicode } from 'node:url';
import { asciiLookAlike } from '../model/confusable-skeleton';
import { editDistance } from '../model/edit-distance';
import { ValidationReason } from '../model/validation-reason';
import { CloudMail } from './cloudmail';

const DOMAIN_LABEL = CloudMail.DOMAIN.split('.')[0];
const MAX_HOST_DISTANCE = 2;
const MAX_LABEL_DISTANCE = 2;
/** A fleet names the same few hosts in every domain; answers are remembered up to this many hosts. */
const MAX_REMEMBERED_HOSTS = 1024;
const rememberedSuggestions = new Map<string, string | undefined>();

/**
 * The CloudMail host a normalized name was probably meant to be, or undefined.
 * Catches small slips ("mx1.cloudcccess.net") and the right name under a
 * wrong or extra TLD ("mx1.cloudaccess.net.com", "mx1.cloudaccess.com"),
 * the two mistakes the CloudMail article itself makes. Names under the real
 * cloudaccess.net are never flagged: they may be genuine backups.
 */
export function suggestCloudMailHost(hostName: string): string | undefined {
  if (rememberedSuggestions.has(hostName)) return rememberedSuggestions.get(hostName);
  const suggestion = computeSuggestion(hostName);
  if (rememberedSuggestions.size >= MAX_REMEMBERED_HOSTS) rememberedSuggestions.clear();
  rememberedSuggestions.set(hostName, suggestion);
  return suggestion;
}

function computeSuggestion(hostName: string): string | undefined {
  if (CloudMail.isCloudMailHost(hostName)) return undefined;
  // An internationalized name is judged by the ASCII it imitates: mx1.cloudɑccess.net (Latin alpha) is mx1.cloudaccess.net to a reader.
  const lookAlike = hostName.includes('xn--') ? asciiLookAlike(domainToUnicode(hostName)) : undefined;
  if (lookAlike !== undefined) return CloudMail.isCloudMailHost(lookAlike) ? lookAlike : computeSuggestion(lookAlike);
  const labels = hostName.split('.');
  const domainIndex = labels.findIndex((label) => editDistance(label, DOMAIN_LABEL, MAX_LABEL_DISTANCE) <= MAX_LABEL_DISTANCE);
  if (domainIndex === 0) return CloudMail.PRIMARY_HOST;
  if (domainIndex > 0) return [...labels.slice(0, domainIndex), CloudMail.DOMAIN].join('.');
  if (editDistance(hostName, CloudMail.PRIMARY_HOST, MAX_HOST_DISTANCE) <= MAX_HOST_DISTANCE) return CloudMail.PRIMARY_HOST;
  return undefined;
}

/** Host rule that refuses near-misses and look-alikes of CloudMail host names. */
export function cloudMailTypoGuard(hostName: string, property: string, value: string): ValidationReason[] {
  const suggestion = suggestCloudMailHost(hostName);
  if (suggestion === undefined) return [];
  const problem = hostName.includes('xn--')
    ? `is not a CloudMail host (it is ${hostName}), but its look-alike letters make it read as one`
    : 'is not a CloudMail host, but looks like a misspelling of one';
  return [{ property, value, problem, fix: `did you mean ${suggestion}?` }];
}
