// The CRD the custom-resource tests share: test/fixtures/custom-resources/crds/widgets.yaml, which the CLI and language
// server tests read from disk.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CUSTOM_RESOURCES_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/custom-resources');

/** Widget (example.com/v1): every shape the converter reads, from nested required fields to preserve-unknown-fields. */
export const WIDGET_CRD = fs.readFileSync(path.join(CUSTOM_RESOURCES_FIXTURES, 'crds/widgets.yaml'), 'utf8');
