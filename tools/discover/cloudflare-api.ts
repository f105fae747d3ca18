import { NULL_MX_HOST } from '../../lib/model/mx-server';
import { CloudflareMxRecord } from './domain-discovery';

/** The API's documented base URL; CLOUDFLARE_API_BASE_URL overrides it (proxies, tests). */
export const CLOUDFLARE_API_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** How to reach one zone through the API. */
export interface CloudflareZoneAccess {
  readonly baseUrl: string;
  /** Sent only in the Authorization header; never part of a message. */
  readonly token: string;
  readonly zoneId: string;
  readonly timeoutMs: number;
}

/** The MX records the zone lists for a name, or why they could not be read. */
export type CloudflareListing =
  | { readonly kind: 'records'; readonly records: readonly CloudflareMxRecord[] }
  | { readonly kind: 'failed'; readonly problem: string; readonly fix: string };

/** The documented default page size. */
const PER_PAGE = 100;
/** A bound on a listing whose result_info never ends; far beyond the MX records of one name. */
const MAX_PAGES = 100;

/**
 * Lists the MX records named `domain` in the zone: `GET
 * /zones/{zone_id}/dns_records?type=MX&name={domain}`, every page. The v4 API
 * wraps each answer in `{ success, errors, messages, result, result_info }`;
 * `name` is the record's full name in punycode, and `result_info` carries
 * `page` and `total_pages` (developers.cloudflare.com/api, "List DNS
 * Records"; cloudflare-typescript's RecordListParams and
 * V4PagePaginationArray).
 */
export async function listCloudflareMxRecords(access: CloudflareZoneAccess, domain: string): Promise<CloudflareListing> {
  const listing = await listPages(access, domain);
  return listing.kind === 'failed' ? redacted(listing, access.token) : listing;
}

async function listPages(access: CloudflareZoneAccess, domain: string): Promise<CloudflareListing> {
  const records: CloudflareMxRecord[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = `${access.baseUrl.replace(/\/+$/, '')}/zones/${encodeURIComponent(access.zoneId)}/dns_records?type=MX&name=${encodeURIComponent(domain)}&page=${page}&per_page=${PER_PAGE}`;
    const answer = await getJson(url, access);
    if (answer.kind === 'failed') return answer;
    const listed = readPage(answer.body, domain);
    if (listed === undefined) {
      return { kind: 'failed', problem: `the Cloudflare API answered page ${page} of zone ${access.zoneId}'s MX records without the documented { success: true, result: [{ id, type, name, content, priority, ttl }], result_info } shape`, fix: `check CLOUDFLARE_API_BASE_URL: it must point at the v4 API (default ${CLOUDFLARE_API_BASE_URL})` };
    }
    records.push(...listed.records);
    if (listed.totalPages === undefined || page >= listed.totalPages) return { kind: 'records', records };
  }
  return { kind: 'failed', problem: `the Cloudflare API still had pages of ${domain}'s MX records after ${MAX_PAGES}`, fix: `check CLOUDFLARE_API_BASE_URL: no name holds ${MAX_PAGES * PER_PAGE} MX records` };
}

type JsonAnswer = { readonly kind: 'json'; readonly body: unknown } | { readonly kind: 'failed'; readonly problem: string; readonly fix: string };

async function getJson(url: string, access: CloudflareZoneAccess): Promise<JsonAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { Authorization: `Bearer ${access.token}`, Accept: 'application/json' }, signal: AbortSignal.timeout(access.timeoutMs) });
    text = await response.text();
  } catch (error) {
    return { kind: 'failed', problem: `the Cloudflare API at ${access.baseUrl} could not be reached (${describeError(error)})`, fix: 'check the network, and CLOUDFLARE_API_BASE_URL if it is set, then run discover again' };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok && body !== undefined) return { kind: 'json', body };
  return { kind: 'failed', problem: `the Cloudflare API refused to list zone ${access.zoneId}'s DNS records: HTTP ${response.status}${describeApiErrors(body)}`, fix: fixFor(response.status, access.zoneId) };
}

/**
 * A failed call answers `{ success: false, errors: [{ code, message }], messages, result: null }`, e.g. 403 with
 * 10000 "Authentication error" (developers.cloudflare.com/changelog, "Enriched 403 responses for the Cloudflare
 * API"), or 7003 "Could not route to /zones/…, perhaps your object identifier is invalid?" for a malformed zone ID.
 */
function describeApiErrors(body: unknown): string {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return '';
  const texts = errors.flatMap((error: { code?: unknown; message?: unknown }) => (typeof error?.message === 'string' ? [`${typeof error.code === 'number' ? `${error.code} ` : ''}${error.message}`] : []));
  return texts.length === 0 ? '' : ` (${texts.join('; ')})`;
}

function fixFor(status: number, zoneId: string): string {
  if (status === 401 || status === 403) return `give CLOUDFLARE_API_TOKEN the permission Zone > DNS > Read on zone ${zoneId} (or check that the token is the right one and not expired)`;
  if (status === 400 || status === 404) return `check --cloudflare-zone ${zoneId}: copy the Zone ID from the zone's Overview page in the dashboard`;
  // developers.cloudflare.com/fundamentals/api/reference/limits: 1,200 requests per five minutes per user, then 429.
  if (status === 429) return 'wait five minutes (the API allows 1,200 requests per five minutes per user) and run discover again, with fewer domains at once';
  return 'run discover again later; if it persists, check www.cloudflarestatus.com';
}

/** A name as the API gives it, in the form DNS answers are compared in: lowercase, without the trailing dot; "." for a null MX. */
function apiHostName(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '' || lower === '.') return NULL_MX_HOST;
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** The records of one page that are MX records named `domain`, or undefined when the page does not have the documented shape. */
function readPage(body: unknown, domain: string): { records: CloudflareMxRecord[]; totalPages?: number } | undefined {
  const page = body as { success?: unknown; result?: unknown; result_info?: { total_pages?: unknown } } | null;
  if (page === null || typeof page !== 'object' || page.success !== true || !Array.isArray(page.result)) return undefined;
  const records: CloudflareMxRecord[] = [];
  for (const item of page.result as Record<string, unknown>[]) {
    const { id, type, name, content, priority, ttl } = item ?? {};
    if (typeof id !== 'string' || typeof type !== 'string' || typeof name !== 'string' || typeof content !== 'string' || typeof priority !== 'number' || typeof ttl !== 'number') return undefined;
    if (type === 'MX' && apiHostName(name) === domain) records.push({ id, hostName: apiHostName(content), priority, ttl });
  }
  const totalPages = page.result_info?.total_pages;
  return { records, totalPages: typeof totalPages === 'number' ? totalPages : undefined };
}

function describeError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
}

/** A message never carries the token, even when a proxy or the API echoes it back. */
function redacted(failure: { readonly problem: string; readonly fix: string }, token: string): CloudflareListing {
  const hide = (text: string): string => (token === '' ? text : text.split(token).join('[token]'));
  return { kind: 'failed', problem: hide(failure.problem), fix: hide(failure.fix) };
}
