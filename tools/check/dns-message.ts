import { NULL_MX_HOST } from '../../lib/model/mx-server';
import { formatIpv6 } from './ip-address';

/** The record types the checker asks for. */
export type DnsQueryType = 'MX' | 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA';

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

/** An SOA record; only its owner, the zone apex, is used. */
export interface SoaAnswer {
  readonly type: 'SOA';
  readonly name: string;
  readonly ttl: number;
}

export type DnsAnswer = MxAnswer | ValueAnswer | SoaAnswer;

/** The parts of a response the checker uses, every field checked for its type. */
export interface DnsResponse {
  readonly id: number;
  readonly truncated: boolean;
  /** AA: the server is authoritative for the zone of the answer. */
  readonly authoritative: boolean;
  /** RA: the server resolves recursively. */
  readonly recursionAvailable: boolean;
  /** e.g. NOERROR, NXDOMAIN, SERVFAIL, REFUSED. */
  readonly rcode: string;
  readonly question?: DnsQuestion;
  /** Records of the types above; records of other types or with malformed data are dropped. */
  readonly answers: readonly DnsAnswer[];
  /** The authority section: NS of a referral, SOA of a negative answer. */
  readonly authorities: readonly DnsAnswer[];
  /** The additional section: addresses (glue) of the name servers in a referral. */
  readonly additionals: readonly DnsAnswer[];
}

/** How a query is sent. */
export interface QueryFlags {
  /**
   * UDP payload size advertised with EDNS0.
   * @default - no EDNS0: servers truncate UDP answers above 512 bytes
   */
  readonly ednsUdpSize?: number;
  /**
   * RD: ask the server to resolve recursively; off when asking a zone's own servers.
   * @default true
   */
  readonly recursionDesired?: boolean;
}

const TYPE_CODES: Record<DnsQueryType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, AAAA: 28 };
const TYPE_NAMES = new Map<number, DnsQueryType>(Object.entries(TYPE_CODES).map(([name, code]) => [code, name as DnsQueryType]));
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE'];
const CLASS_IN = 1;
const TYPE_OPT = 41;
const HEADER_LENGTH = 12;
const MAX_NAME_LENGTH = 255;
const MAX_TTL = 2147483647;
const FLAG_RD = 0x0100;
const FLAG_QR = 0x8000;
const FLAG_AA = 0x0400;
const FLAG_TC = 0x0200;
const FLAG_RA = 0x0080;

/** Builds a query; with `ednsUdpSize` it carries an EDNS0 OPT record advertising that UDP payload size. Throws for a name that cannot be sent. */
export function encodeQuery(question: DnsQuestion, id: number, flags: QueryFlags = {}): Buffer {
  const name = question.name === NULL_MX_HOST ? '' : question.name;
  const nameLength = name.length === 0 ? 1 : name.length + 2;
  if (nameLength > MAX_NAME_LENGTH) throw new Error(`${name} is longer than ${MAX_NAME_LENGTH} bytes`);
  const edns = flags.ednsUdpSize !== undefined;
  const packet = Buffer.allocUnsafe(HEADER_LENGTH + nameLength + 4 + (edns ? 11 : 0));
  packet.writeUInt16BE(id, 0);
  packet.writeUInt16BE(flags.recursionDesired === false ? 0 : FLAG_RD, 2);
  packet.writeUInt32BE(0x00010000, 4); // one question, no answers
  packet.writeUInt32BE(edns ? 1 : 0, 8); // no authority records, the OPT record as additional
  let at = writeName(packet, HEADER_LENGTH, name);
  at = packet.writeUInt16BE(TYPE_CODES[question.type], at);
  at = packet.writeUInt16BE(CLASS_IN, at);
  if (edns) {
    packet[at++] = 0; // owner: the root
    at = packet.writeUInt16BE(TYPE_OPT, at);
    at = packet.writeUInt16BE(flags.ednsUdpSize!, at);
    packet.writeUInt32BE(0, at); // extended rcode, version 0, no flags
    packet.writeUInt16BE(0, at + 4); // no options
  }
  return packet;
}

/** Printable ASCII without the dot: what a label may hold, here and in names the checker sends. */
const LABEL_TEXT = /^[\x21-\x2d\x2f-\x7e]{1,63}$/;
const NAME_TEXT = /^[\x21-\x2d\x2f-\x7e]{1,63}(?:\.[\x21-\x2d\x2f-\x7e]{1,63})*$/;
const UPPER_CASE = /[A-Z]/;

/**
 * Writes "a.b" as labels at `at` (the root for ""); returns where it ends.
 * The text goes in at once, one byte after `at`, and each dot then becomes
 * the length of the label after it, walking backwards. Throws for an empty
 * or long label, or a byte that is not printable ASCII.
 */
function writeName(packet: Buffer, at: number, name: string): number {
  if (name.length === 0) {
    packet[at] = 0;
    return at + 1;
  }
  if (!NAME_TEXT.test(name)) throw new Error(`${name} is not a name that can be sent: labels must have 1 to 63 printable characters`);
  packet.write(name, at + 1, 'latin1');
  let length = 0;
  for (let i = at + name.length; i > at; i--) {
    if (packet[i] === 0x2e) {
      packet[i] = length;
      length = 0;
    } else {
      length++;
    }
  }
  packet[at] = length;
  packet[at + name.length + 1] = 0;
  return at + name.length + 2;
}

/** Thrown inside the decoder when the packet ends early or points outside itself; never escapes it. */
class MalformedPacket {}

/** Where the name read last by {@link readName} ends in place; a module variable, so reading a name allocates no pair. */
let nameEnd = 0;
/** The question's name of the packet being decoded: most owner names point at it. */
let questionName: string | undefined;

/**
 * Decodes a response from the network. Never throws: bytes that are not a
 * DNS response give undefined, and records of other types or with data of
 * the wrong shape are dropped. A truncated (TC) response that ends inside a
 * record keeps what came before it, since only its TC bit matters. Given the
 * question that was asked (and the query as sent), a response to another
 * question gives undefined, and the question's name is compared in place
 * instead of being decoded.
 */
export function parseDnsResponse(packet: Buffer, asked?: DnsQuestion, sent?: Buffer): DnsResponse | undefined {
  if (packet.length < HEADER_LENGTH) return undefined;
  const flags = packet.readUInt16BE(2);
  if ((flags & FLAG_QR) === 0) return undefined;
  const questions = packet.readUInt16BE(4);
  const counts = [packet.readUInt16BE(6), packet.readUInt16BE(8), packet.readUInt16BE(10)];
  const sections: DnsAnswer[][] = [[], [], []];
  let question: DnsQuestion | undefined;
  questionName = undefined;
  try {
    let at = HEADER_LENGTH;
    for (let i = 0; i < questions; i++) {
      if (i === 0 && asked !== undefined) {
        if (!questionIs(packet, asked, sent)) return undefined;
        question = asked;
        questionName = asked.name;
      } else {
        const name = readName(packet, at);
        const type = TYPE_NAMES.get(readUInt16(packet, nameEnd));
        if (i === 0 && name !== undefined && type !== undefined) question = { name, type };
        if (i === 0) questionName = name;
      }
      at = skipName(packet, at) + 4;
    }
    for (let section = 0; section < 3; section++) {
      for (let i = 0; i < counts[section]; i++) at = readRecord(packet, at, sections[section]);
    }
  } catch (error) {
    if (!(error instanceof MalformedPacket) || (flags & FLAG_TC) === 0) return undefined;
  }
  return {
    id: packet.readUInt16BE(0),
    truncated: (flags & FLAG_TC) !== 0,
    authoritative: (flags & FLAG_AA) !== 0,
    recursionAvailable: (flags & FLAG_RA) !== 0,
    rcode: RCODES[flags & 0x000f] ?? `RCODE${flags & 0x000f}`,
    question,
    answers: sections[0],
    authorities: sections[1],
    additionals: sections[2],
  };
}

/**
 * True when the first question (uncompressed, at the header's end) is
 * `asked`: same type, and the same name ignoring ASCII case. The name is
 * compared in place, byte for byte against the query as sent when it is
 * given (servers echo the question), so nothing is decoded.
 */
function questionIs(packet: Buffer, asked: DnsQuestion, sent: Buffer | undefined): boolean {
  const end = HEADER_LENGTH + wireLength(asked.name) + 4;
  if (sent !== undefined && end <= packet.length && packet.compare(sent, HEADER_LENGTH, end, HEADER_LENGTH, end) === 0) return true;
  const labels = asked.name === NULL_MX_HOST || asked.name === '' ? [] : asked.name.split('.');
  let at = HEADER_LENGTH;
  for (const label of labels) {
    if (readUInt8(packet, at) !== label.length || at + 1 + label.length > packet.length) return false;
    if (packet.toString('latin1', at + 1, at + 1 + label.length).toLowerCase() !== label) return false;
    at += 1 + label.length;
  }
  return readUInt8(packet, at) === 0 && readUInt16(packet, at + 1) === TYPE_CODES[asked.type];
}

/** The length of a name on the wire, uncompressed. */
function wireLength(name: string): number {
  return name === NULL_MX_HOST || name === '' ? 1 : name.length + 2;
}

/** Reads one resource record at `at` into `into` when it is of a type the checker uses; returns where the next starts. */
function readRecord(packet: Buffer, at: number, into: DnsAnswer[]): number {
  const name = readName(packet, at);
  const afterName = nameEnd;
  const typeCode = readUInt16(packet, afterName);
  const recordClass = readUInt16(packet, afterName + 2);
  const ttl = readUInt32(packet, afterName + 4);
  const length = readUInt16(packet, afterName + 8);
  const data = afterName + 10;
  const end = data + length;
  if (end > packet.length) throw new MalformedPacket();
  const type = TYPE_NAMES.get(typeCode);
  if (name === undefined || type === undefined || recordClass !== CLASS_IN || ttl > MAX_TTL) return end;
  switch (type) {
    case 'A':
      if (length === 4) into.push({ type, name, ttl, value: `${packet[data]}.${packet[data + 1]}.${packet[data + 2]}.${packet[data + 3]}` });
      break;
    case 'AAAA':
      if (length === 16) into.push({ type, name, ttl, value: formatIpv6(packet.subarray(data, end)) });
      break;
    case 'NS':
    case 'CNAME': {
      const value = readName(packet, data);
      if (value !== undefined && nameEnd === end) into.push({ type, name, ttl, value });
      break;
    }
    case 'MX': {
      if (length < 3) break;
      const exchange = readName(packet, data + 2);
      if (exchange !== undefined && nameEnd === end) into.push({ type, name, ttl, preference: packet.readUInt16BE(data), exchange });
      break;
    }
    case 'SOA':
      into.push({ type, name, ttl });
      break;
  }
  return end;
}

/** Where the (possibly compressed) name at `start` ends in place. */
function skipName(packet: Buffer, start: number): number {
  let at = start;
  for (;;) {
    const size = readUInt8(packet, at);
    if (size === 0) return at + 1;
    if ((size & 0xc0) === 0xc0) return at + 2;
    at += 1 + size;
  }
}

/**
 * Reads a possibly compressed name (lowercase, no trailing dot, "." for the
 * root) and sets {@link nameEnd}. The name is undefined when a label holds a
 * dot or a byte that is not printable ASCII: such a name could not be
 * compared or asked again. Pointers must point backwards, so a hostile
 * packet cannot loop.
 */
function readName(packet: Buffer, start: number): string | undefined {
  // Most owner names are a pointer to the question's name, already known.
  if (start > HEADER_LENGTH && packet[start] === 0xc0 && packet[start + 1] === HEADER_LENGTH && questionName !== undefined) {
    nameEnd = start + 2;
    return questionName;
  }
  let name = '';
  let valid = true;
  let upper = false;
  let at = start;
  let end = -1;
  let length = 0;
  for (;;) {
    const size = readUInt8(packet, at);
    if (size === 0) {
      if (end < 0) end = at + 1;
      break;
    }
    if ((size & 0xc0) === 0xc0) {
      const target = ((size & 0x3f) << 8) | readUInt8(packet, at + 1);
      if (target >= at) throw new MalformedPacket();
      if (end < 0) end = at + 2;
      at = target;
      continue;
    }
    if ((size & 0xc0) !== 0 || at + 1 + size > packet.length) throw new MalformedPacket();
    length += size + 1;
    if (length > MAX_NAME_LENGTH) throw new MalformedPacket();
    const label = packet.toString('latin1', at + 1, at + 1 + size);
    if (!LABEL_TEXT.test(label)) valid = false;
    else if (!upper && UPPER_CASE.test(label)) upper = true;
    name = name === '' ? label : `${name}.${label}`;
    at += 1 + size;
  }
  nameEnd = end;
  if (!valid) return undefined;
  return intern(name === '' ? NULL_MX_HOST : upper ? name.toLowerCase() : name);
}

/**
 * One string per distinct name: a fleet's answers name the same few MX
 * hosts thousands of times, and reports keep them until the end of the run,
 * so each decoded copy would survive the young generation.
 */
const interned = new Map<string, string>();
const MAX_INTERNED_NAMES = 4096;

function intern(name: string): string {
  const known = interned.get(name);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED_NAMES) interned.clear();
  interned.set(name, name);
  return name;
}

function readUInt8(packet: Buffer, at: number): number {
  if (at >= packet.length) throw new MalformedPacket();
  return packet[at];
}

function readUInt16(packet: Buffer, at: number): number {
  if (at + 2 > packet.length) throw new MalformedPacket();
  return packet.readUInt16BE(at);
}

function readUInt32(packet: Buffer, at: number): number {
  if (at + 4 > packet.length) throw new MalformedPacket();
  return packet.readUInt32BE(at);
}

/** True when the response is the answer to this query: same ID and same question. */
export function answersQuery(response: DnsResponse, id: number, question: DnsQuestion): boolean {
  return response.id === id && response.question?.type === question.type && response.question.name === question.name;
}
