import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** A DNS record as the v4 API lists it. */
export interface ApiRecord {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly content: string;
  readonly priority: number;
  readonly ttl: number;
}

/** What the stand-in answers for one zone: its records, or an error the token gets. */
export type StandInZone = { readonly records: readonly ApiRecord[] } | { readonly status: number; readonly errors: readonly { code: number; message: string }[] };

/** A local HTTP server speaking the documented Cloudflare v4 shape for `GET /zones/{zone_id}/dns_records`. */
export interface CloudflareStandIn {
  /** The value for CLOUDFLARE_API_BASE_URL. */
  readonly baseUrl: string;
  /** Every request received, in order. */
  readonly requests: { readonly url: URL; readonly authorization?: string }[];
  close(): Promise<void>;
}

/**
 * Starts the stand-in. It serves at most `pageSize` records per page whatever
 * `per_page` asks for, so small fixtures span several pages, and answers like
 * the API: `{ success, errors, messages, result, result_info: { page,
 * per_page, count, total_count, total_pages } }`; a wrong token gets 403.
 */
export async function startCloudflareStandIn(token: string, zones: Readonly<Record<string, StandInZone>>, pageSize = 1): Promise<CloudflareStandIn> {
  const requests: { url: URL; authorization?: string }[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    requests.push({ url, authorization: request.headers.authorization });
    const reply = (status: number, body: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const failure = (status: number, errors: readonly { code: number; message: string }[]) => reply(status, { success: false, errors, messages: [], result: null });
    const route = /^\/client\/v4\/zones\/([^/]+)\/dns_records$/.exec(url.pathname);
    if (request.method !== 'GET' || route === null) return failure(404, [{ code: 7000, message: 'No route for that URI' }]);
    if (request.headers.authorization !== `Bearer ${token}`) return failure(403, [{ code: 9109, message: 'Invalid access token' }]);
    const zone = zones[route[1]];
    if (zone === undefined) return failure(403, [{ code: 10000, message: 'Authentication error' }]);
    if ('status' in zone) return failure(zone.status, zone.errors);
    const matching = zone.records.filter((record) => (!url.searchParams.has('type') || record.type === url.searchParams.get('type')) && (!url.searchParams.has('name') || record.name === url.searchParams.get('name')));
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 100), pageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const result = matching.slice((page - 1) * perPage, page * perPage);
    reply(200, { success: true, errors: [], messages: [], result, result_info: { page, per_page: perPage, count: result.length, total_count: matching.length, total_pages: Math.max(1, Math.ceil(matching.length / perPage)) } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/client/v4`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
