// Exact-output tests for deprecated-api's migrations, with the check the fix tester cannot make alone: the migrated
// object is valid for its new apiVersion (no schema rule finds anything in it, and the apiVersion is current).
import * as assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine';
import { rule } from '../../server/src/engine/rules/deprecated-api';
import { assertFix } from './fix-tester';

/** Findings of the schema rules and deprecated-api on `text`, as `rule: message`. */
export function invalidFor(text: string): string[] {
  return lintText(text)
    .filter((f) => f.ruleId.startsWith('schema-') || f.ruleId === 'deprecated-api')
    .map((f) => `${f.ruleId}: ${f.message}`);
}

/** The migration turns `input` into exactly `expected`, and `expected` is valid for the apiVersion it moved to. */
export function assertMigration(input: string, expected: string): void {
  assertFix(rule, input, expected);
  assert.deepEqual(invalidFor(expected), [], `the migrated object is not valid:\n${expected}`);
}
