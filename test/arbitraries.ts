import * as fc from 'fast-check';
import { MxServer } from '../lib';

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const inner = `${letters}0123456789-`;

/** One LDH label in random case, 1-20 characters. */
export const label = fc
  .tuple(fc.constantFrom(...letters), fc.string({ unit: fc.constantFrom(...inner), maxLength: 18 }), fc.constantFrom(...letters, ...'0123456789'))
  .map(([first, middle, last]) => (middle.length === 0 ? first : `${first}${middle}${last}`));

/** A name as users write it: random case, sometimes a trailing dot, sometimes non-ASCII. */
export const userWrittenName = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'NET', 'org', 'example', 'Test'), fc.boolean(), fc.boolean())
  .map(([labels, tld, dot, unicode]) => `${[...labels, ...(unicode ? ['bücher'] : []), tld].join('.')}${dot ? '.' : ''}`);

/** A list of distinct generic mail servers (hosts distinct after lowercasing). */
export const servers: fc.Arbitrary<MxServer[]> = fc
  .uniqueArray(fc.tuple(userWrittenName, fc.integer({ min: 0, max: 65535 })), {
    minLength: 1,
    maxLength: 6,
    selector: ([name]) => name.toLowerCase().replace(/\.$/, ''),
  })
  .map((pairs) => pairs.map(([hostName, priority]) => ({ hostName, priority })));

/** Names in the zone example.com as users write them: the apex or up to two labels below it, random case, maybe dotted. */
export const nameInExampleCom = fc
  .tuple(fc.array(label, { maxLength: 2 }), fc.boolean())
  .map(([labels, dot]) => `${[...labels, 'Example', 'com'].join('.')}${dot ? '.' : ''}`);
