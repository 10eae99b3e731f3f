// image-tag: no tag and `:latest` are reported on the image value in every container kind and workload kind; a
// version tag, a digest (with or without a tag), a registry port and a placeholder are not.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { inEveryWorkload } from '../../support/workloads';
import { rule } from '../../../server/src/engine/rules/image-tag';
import { parseImage } from '../../../server/src/engine/k8s/image';

const allContainerKinds = yaml`
  initContainers:
    - name: init
      image: busybox
  #          ^^^^^^^ Container "init" image "busybox" has no tag: pin a version tag or a digest
  containers:
    - name: web
      image: "nginx:latest"   # for now
  #          ^^^^^^^^^^^^^^ Container "web" image "nginx:latest" is tagged :latest
  ephemeralContainers:
    - name: debug
      image: registry:5000/tools
  #          ^^^^^^^^^^^^^^^^^^^ image "registry:5000/tools" has no tag`;

runRuleTests(rule, {
  valid: [
    ...inEveryWorkload(yaml`
      containers:
        - name: web
          image: nginx:1.27.3
        - name: pinned
          image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
        - name: pinned-latest
          image: nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
        - name: port
          image: registry.example.com:5000/team/app:2.1`),
    // Placeholders a tool or a person replaces, and images that are not strings, are not image references yet.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: "<image_url>"
          - name: b
            image: \${IMAGE}
          - name: c
            image: ko://github.com/example/cmd/app
          - name: d
            image: 63
          - name: e
            image: ""
          - name: f`,
  ],
  invalid: [
    ...inEveryWorkload(allContainerKinds),
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: a, image: "redis:latest"}, {name: b, image: redis:7.2}]
      #                               ^^^^^^^^^^^^^^ Container "a" image "redis:latest"`,
  ],
});

describe('image references', () => {
  it('reads the tag from the last path part, and a digest wherever it is', () => {
    assert.deepEqual(parseImage('nginx'), { tag: undefined, digest: false });
    assert.deepEqual(parseImage('registry:5000/app'), { tag: undefined, digest: false });
    assert.deepEqual(parseImage('registry:5000/app:1.0'), { tag: '1.0', digest: false });
    assert.deepEqual(parseImage('app:latest@sha256:abc'), { tag: 'latest', digest: true });
    assert.deepEqual(parseImage('app@sha256:abc'), { tag: undefined, digest: true });
  });
});
