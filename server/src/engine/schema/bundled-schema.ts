// What the bundles (dist/server-main.js, dist/cli.js) get for `import data from './generated/k8s-schema.json'`:
// scripts/build.mjs points that import here, and writes the schema file beside the bundles. Compiled by tsc but
// never imported in out/, where the tests read the JSON itself.
import * as path from 'node:path';
import { readSchemaFile, SCHEMA_FILE_NAME } from './schema-file';

export default readSchemaFile(path.join(__dirname, SCHEMA_FILE_NAME));
