// The SARIF 2.1.0 JSON schema (the one @microsoft/jest-sarif ships), compiled once with Ajv for the CLI tests that
// check a SARIF log is valid.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The SARIF 2.1.0 schema as released (2.1.0-rtm.5), a draft-04 JSON schema.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

// unicodeRegExp off: the schema's pattern for `language` has a stray `]` that only a non-Unicode RegExp accepts.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
export const validateSarif = ajv.compile(SCHEMA);

export function assertValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
}
