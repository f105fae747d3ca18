import * as dnsPacket from 'dns-packet';
import { NULL_MX_HOST } from '../../lib/model/mx-server';

/** The record types the checker asks for. */
export type DnsQueryType = 'MX' | 'A' | 'AAAA' | 'CNAME' | 'NS';

/** One question: a lowercase name without trailing dot, and a type. */
export interface DnsQuestion {
  readonly name: string;
  readonly type: DnsQueryType;
}

/** An MX answer record. */
export interface MxAnswer {
  readonly type: 'MX';
  readonly name: string;
  readonly ttl: number;
  readonly preference: number;
  readonly exchange: string;
}

/** An answer record whose data is one name or address. */
export interface ValueAnswer {
  readonly type: 'A' | 'AAAA' | 'CNAME' | 'NS';
  readonly name: string;
  readonly ttl: number;
  readonly value: string;
}

export type DnsAnswer = MxAnswer | ValueAnswer;

/** The parts of a response the checker uses, every field checked for its type. */
export interface DnsResponse {
  readonly id: number;
  readonly truncated: boolean;
  /** e.g. NOERROR, NXDOMAIN, SERVFAIL, REFUSED. */
  readonly rcode: string;
  readonly question?: DnsQuestion;
  /** Records of the types above; records of other types or with malformed data are dropped. */
  readonly answers: readonly DnsAnswer[];
}

const MAX_UINT16 = 65535;
const MAX_TTL = 2147483647;

/** Builds a query; with `ednsUdpSize` it carries an EDNS0 OPT record advertising that UDP payload size. */
export function encodeQuery(question: DnsQuestion, id: number, ednsUdpSize?: number): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name: question.name, type: question.type, class: 'IN' }],
    additionals: ednsUdpSize === undefined ? [] : [{ type: 'OPT', name: '.', udpPayloadSize: ednsUdpSize, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }],
  });
}

/** A wire name as the checker compares it: lowercase, no trailing dot, the root as ".". */
export function toHostName(wireName: string): string {
  const lower = wireName.toLowerCase();
  if (lower === '' || lower === '.') return NULL_MX_HOST;
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/**
 * Decodes a response from the network. Never throws: anything the wire
 * library cannot decode, or that is not a response, gives undefined, and
 * answer records with data of the wrong shape are dropped.
 */
export function parseDnsResponse(packet: Buffer): DnsResponse | undefined {
  // The wire library adds rcode at run time without declaring it.
  let decoded: dnsPacket.DecodedPacket & { rcode?: unknown };
  try {
    decoded = dnsPacket.decode(packet);
  } catch {
    return undefined;
  }
  if (decoded.type !== 'response' || !isUint16(decoded.id)) return undefined;
  const [question] = decoded.questions ?? [];
  return {
    id: decoded.id,
    truncated: decoded.flag_tc === true,
    rcode: typeof decoded.rcode === 'string' ? decoded.rcode : 'UNKNOWN',
    question: question && typeof question.name === 'string' && isQueryType(question.type) ? { name: toHostName(question.name), type: question.type } : undefined,
    answers: (decoded.answers ?? []).flatMap(toAnswer),
  };
}

/** True when the response is the answer to this query: same ID and same question. */
export function answersQuery(response: DnsResponse, id: number, question: DnsQuestion): boolean {
  return response.id === id && response.question?.type === question.type && response.question.name === question.name;
}

function toAnswer(answer: dnsPacket.Answer): DnsAnswer[] {
  // Hostile packets can put anything anywhere, so every field is checked as unknown.
  const record: { name?: unknown; ttl?: unknown; type?: unknown; data?: unknown } = answer;
  if (typeof record.name !== 'string' || !isTtl(record.ttl)) return [];
  const name = toHostName(record.name);
  const ttl = record.ttl;
  const data = record.data;
  if (record.type === 'MX') {
    if (!isMxData(data)) return [];
    return [{ type: 'MX', name, ttl, preference: data.preference, exchange: toHostName(data.exchange) }];
  }
  if ((record.type === 'A' || record.type === 'AAAA' || record.type === 'CNAME' || record.type === 'NS') && typeof data === 'string') {
    return [{ type: record.type, name, ttl, value: record.type === 'CNAME' || record.type === 'NS' ? toHostName(data) : data }];
  }
  return [];
}

function isMxData(data: unknown): data is { preference: number; exchange: string } {
  if (typeof data !== 'object' || data === null) return false;
  const { preference, exchange } = data as Record<string, unknown>;
  return isUint16(preference) && typeof exchange === 'string';
}

function isQueryType(type: unknown): type is DnsQueryType {
  return type === 'MX' || type === 'A' || type === 'AAAA' || type === 'CNAME' || type === 'NS';
}

function isUint16(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UINT16;
}

function isTtl(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TTL;
}
