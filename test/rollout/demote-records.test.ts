import * as fc from 'fast-check';
import { demoteRecords } from '../../lib/rollout/demote-records';

const cloudMail = [{ hostName: 'mx1.cloudaccess.net', priority: 10 }, { hostName: 'b.example.net', priority: 20 }];

test('legacy records move above every CloudMail priority, in their order, ties kept', () => {
  expect(demoteRecords([
    { hostName: 'a.old.net', priority: 5 },
    { hostName: 'b.old.net', priority: 5 },
    { hostName: 'c.old.net', priority: 50 },
  ], cloudMail)).toEqual([
    { hostName: 'a.old.net', priority: 30 },
    { hostName: 'b.old.net', priority: 30 },
    { hostName: 'c.old.net', priority: 40 },
  ]);
});

test('import IDs travel with the demoted record', () => {
  expect(demoteRecords([{ hostName: 'a.old.net', priority: 1, importId: 'z/r' }], cloudMail)).toEqual([{ hostName: 'a.old.net', priority: 30, importId: 'z/r' }]);
});

test('never collides with or undercuts a CloudMail priority, and keeps relative order', () => {
  const priorities = fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 8 });
  fc.assert(fc.property(priorities, priorities, (cloudPriorities, legacyPriorities) => {
    const cloud = cloudPriorities.map((priority, i) => ({ hostName: `c${i}.example.net`, priority }));
    const legacy = legacyPriorities.map((priority, i) => ({ hostName: `l${i}.old.net`, priority }));
    const demoted = demoteRecords(legacy, cloud);
    const top = Math.max(...cloudPriorities);
    for (const record of demoted) expect(record.priority).toBeGreaterThan(top);
    for (let i = 0; i < legacy.length; i++) {
      for (let j = 0; j < legacy.length; j++) {
        expect(Math.sign(demoted[i].priority - demoted[j].priority)).toBe(Math.sign(legacy[i].priority - legacy[j].priority));
      }
    }
  }));
});
