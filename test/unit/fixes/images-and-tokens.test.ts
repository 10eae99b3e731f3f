// Quick fixes of image-pull-policy (set Always: preferred, except over Never, which means images loaded by hand) and
// automount-service-account-token (add `automountServiceAccountToken: false`: offered, never preferred), exact
// output; image-tag and secrets-in-env offer none; fix-all applies only the preferred ones.
import * as assert from 'node:assert/strict';
import { yaml } from '../../support/rule-tester';
import { assertFix, assertNoFix, fixTitles } from '../../support/fix-tester';
import { fixAll } from '../../../server/src/engine';
import { rule as imagePullPolicy } from '../../../server/src/engine/rules/image-pull-policy';
import { rule as automount } from '../../../server/src/engine/rules/automount-service-account-token';
import { rule as imageTag } from '../../../server/src/engine/rules/image-tag';
import { rule as secretsInEnv } from '../../../server/src/engine/rules/secrets-in-env';

const pullIfNotPresent = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: p}
  spec:
    automountServiceAccountToken: false
    containers:
      - name: web
        image: nginx:latest
        imagePullPolicy: 'IfNotPresent'   # saves a pull
`;

describe('fix: image-pull-policy', () => {
  it('sets Always, keeping the quotes and the comment; preferred', () => {
    assert.deepEqual(fixTitles(imagePullPolicy, pullIfNotPresent), ['* Set imagePullPolicy: Always']);
    assertFix(imagePullPolicy, pullIfNotPresent, pullIfNotPresent.replace("'IfNotPresent'", "'Always'"));
  });

  it('offers Always over Never without preferring it, and sets it in a flow map', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: web, image: web, imagePullPolicy: Never}]
    `;
    assert.deepEqual(fixTitles(imagePullPolicy, input), ['Set imagePullPolicy: Always']);
    assertFix(imagePullPolicy, input, input.replace('Never', 'Always'), { title: 'Always' });
  });
});

describe('fix: automount-service-account-token', () => {
  it('adds automountServiceAccountToken: false to a block pod spec, at its keys\' indentation; not preferred', () => {
    const input = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
            # the end
    `;
    assert.deepEqual(fixTitles(automount, input), ['Set automountServiceAccountToken: false']);
    assertFix(
      automount,
      input,
      yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
              automountServiceAccountToken: false
              # the end
      `,
      { title: 'automountServiceAccountToken' },
    );
  });

  it('turns an explicit true into false, and adds to a flow pod spec', () => {
    const explicit = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        automountServiceAccountToken: true
        containers: [{name: a, image: a:1}]
    `;
    assertFix(automount, explicit, explicit.replace('Token: true', 'Token: false'), { title: 'false' });
    const flow = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec: {containers: [{name: a, image: a:1}]}
    `;
    assertFix(automount, flow, flow.replace('a:1}]}', 'a:1}], automountServiceAccountToken: false}'), { title: 'false' });
  });
});

describe('no fix: image-tag, secrets-in-env', () => {
  it('offers nothing: the version and the Secret are a person\'s to choose', () => {
    assertNoFix(imageTag, pullIfNotPresent);
    const env = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: a:1
            env: [{name: DB_PASSWORD, value: hunter2}]
    `;
    assertNoFix(secretsInEnv, env);
  });
});

describe('fix-all under the all profile', () => {
  it('sets Always over IfNotPresent, and leaves Never and the service account token alone', () => {
    const input = yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: a:latest
            imagePullPolicy: IfNotPresent
          - name: b
            image: b
            imagePullPolicy: Never
    `;
    // These two rules alone, so that the output shows what they do and nothing else.
    const rules = [imagePullPolicy, automount];
    assert.equal(fixAll(input, { profile: 'all' }, { rules }).text, input.replace('IfNotPresent', 'Always'));
  });
});
