import { ValidationReason } from '../model/validation-reason';

/** `domain` relative to `zone` (both normalized): '' at the apex, undefined when the domain is not in the zone. */
export function nameInZone(domain: string, zone: string): string | undefined {
  if (domain === zone) return '';
  return domain.endsWith(`.${zone}`) ? domain.slice(0, -zone.length - 1) : undefined;
}

/**
 * Targets that name records relative to a zone (Azure, RFC 2136) must be
 * given a domain inside it; anything else would write a wrong name.
 */
export function validateDomainInZone(domain: string | undefined, zone: string | undefined, property: string, zoneAsWritten: unknown): ValidationReason[] {
  if (domain === undefined || zone === undefined || nameInZone(domain, zone) !== undefined) return [];
  return [{
    property,
    value: zoneAsWritten,
    problem: `does not hold the domain ${domain}`,
    fix: `give the zone that ${domain} is in (${domain} itself, or a parent such as ${domain.split('.').slice(1).join('.') || domain})`,
  }];
}
