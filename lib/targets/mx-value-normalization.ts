/**
 * MX values written as `"<preference> <exchange>"` (Route53, Cloud DNS), as
 * those APIs return them: the preference as a plain number, the exchange
 * lowercase and absolute (dotted), the set without duplicates, modelled in
 * (priority, host) order.
 */
export function normalizeMxValues(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeMxValue))].sort(compareMxValues);
}

function normalizeMxValue(value: string): string {
  const [priority, host] = value.trim().split(/\s+/);
  const fqdn = host.toLowerCase();
  return `${Number(priority)} ${fqdn.endsWith('.') ? fqdn : `${fqdn}.`}`;
}

function compareMxValues(a: string, b: string): number {
  const [pa, ha] = a.split(' ');
  const [pb, hb] = b.split(' ');
  return Number(pa) - Number(pb) || (ha < hb ? -1 : ha > hb ? 1 : 0);
}
