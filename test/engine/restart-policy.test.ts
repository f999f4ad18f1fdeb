/** The client restarts a crashed server a bounded number of times and tells the user once. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restartPolicy';

test('five restarts, then none; one message in all', () => {
  const policy = new RestartPolicy(5);
  const decisions = Array.from({ length: 8 }, () => policy.onClosed());
  assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, true, false, false, false]);
  assert.equal(decisions.filter((d) => d.message).length, 1);
  assert.match(decisions[0].message!, /being restarted/);
});
