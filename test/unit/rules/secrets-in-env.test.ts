// secrets-in-env: a literal value under a name that says secret is reported on the value, in every container kind
// and workload kind; names about a secret (its file, user, URL), empty values and valueFrom are not.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { inEveryWorkload } from '../../support/workloads';
import { namesSecret, rule } from '../../../server/src/engine/rules/secrets-in-env';

runRuleTests(rule, {
  valid: [
    ...inEveryWorkload(yaml`
      containers:
        - name: api
          image: api:1
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}
            - name: DB_PASSWORD_FILE
              value: /run/secrets/db
            - name: API_TOKEN_PATH
              value: /var/run/token
            - name: ALLOYDB_SECRET_NAME
              value: alloydb-secret
            - name: VAULT_TOKEN_URL
              value: https://vault.example.com
            - name: SECRET_USER
              value: admin
            - name: ADMIN_PASSWORD
              value: ""
            - name: CACHE_TOKEN
              value:
            - name: TOKENIZER
              value: bert
            - name: LOG_LEVEL
              value: debug`),
  ],
  invalid: [
    ...inEveryWorkload(yaml`
      initContainers:
        - name: migrate
          image: migrate:1
          env:
            - name: DB_PASSWORD
              value: hunter2   # TODO: move to a Secret
      #              ^^^^^^^ Container "migrate" sets DB_PASSWORD to a literal value: read it from a Secret (valueFrom.secretKeyRef)
      containers:
        - name: api
          image: api:1
          env:
            - {name: stripe-api-key, value: "sk_live_123"}
      #                                     ^^^^^^^^^^^^^ Container "api" sets stripe-api-key to a literal value
            - name: github.token
              value: 12345
      #              ^^^^^ sets github.token
      ephemeralContainers:
        - name: debug
          image: busybox:1.36
          env:
            - value: abc
      #              ^^^ Container "debug" sets OAUTH_CLIENT_SECRET
              name: OAUTH_CLIENT_SECRET`),
  ],
});

describe('secret names', () => {
  it('matches the secret words whole, in any case and separator, and not names that point at a secret', () => {
    const secret = ['PASSWORD', 'db_passwd', 'GH-TOKEN', 'app.secret', 'MY_API_KEY', 'APIKEY', 'TLS_PRIVATE_KEY', 'AWS_CREDENTIALS', 'CLIENT_SECRET_VALUE'];
    const notSecret = ['TOKENIZER', 'SECRETARY', 'KEY', 'API', 'PRIVATE', 'API_KEYS_PATH', 'PASSWORD_FILE', 'TOKEN_ENDPOINT', 'DB_USERNAME', 'SECRET_ID', 'CREDENTIALS_NAME', 'MY_APIKEY_URL', '__'];
    for (const name of secret) assert.ok(namesSecret(name), name);
    for (const name of notSecret) assert.ok(!namesSecret(name), name);
  });
});
