// image-pull-policy: an explicit policy other than Always on an image with no tag or `:latest` is reported on the
// policy value, in every container kind and workload kind; pinned images, Always and no policy at all are not.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { inEveryWorkload } from '../../support/workloads';
import { rule } from '../../../server/src/engine/rules/image-pull-policy';

runRuleTests(rule, {
  valid: [
    ...inEveryWorkload(yaml`
      containers:
        - name: latest-always
          image: nginx:latest
          imagePullPolicy: Always
        - name: default-policy
          image: nginx
        - name: pinned-always
          image: nginx:1.27.3
          imagePullPolicy: Always
        - name: pinned-if-not-present
          image: nginx:1.27.3
          imagePullPolicy: IfNotPresent
        - name: digest
          image: nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
          imagePullPolicy: Never`),
  ],
  invalid: [
    ...inEveryWorkload(yaml`
      initContainers:
        - name: init
          image: busybox
          imagePullPolicy: IfNotPresent
      #                    ^^^^^^^^^^^^ Container "init" image "busybox" has no tag but imagePullPolicy is IfNotPresent: nodes run whichever image they pulled first
      containers:
        - name: web
          image: nginx:latest
          imagePullPolicy: "Never"   # loaded by kind
      #                    ^^^^^^^ Container "web" image "nginx:latest" is tagged :latest but imagePullPolicy is Never
      ephemeralContainers:
        - name: debug
          imagePullPolicy: IfNotPresent
      #                    ^^^^^^^^^^^^ "debug" image "registry:5000/tools" has no tag
          image: registry:5000/tools`),
  ],
});
