// image-pull-policy: an image that floats (no tag, `:latest`) with an imagePullPolicy that does not pull it every
// time: each node keeps running whichever `latest` it pulled first.
import { isScalar } from 'yaml';
import type { WorkloadRule } from '../types';
import { pairOf } from '../k8s/nodes';
import { floatingImage } from '../k8s/image';
import { setValue, shown } from '../fix/intents';

const pod = (policy: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', '      image: registry.example.com/web:latest', `      imagePullPolicy: ${policy}`, ''].join('\n');

export const rule: WorkloadRule = {
  meta: {
    id: 'image-pull-policy',
    severity: 'warning',
    // Not in seed: it reports manifests that run today, and seed's users should see no new findings.
    profiles: [],
    docs: {
      summary: 'An image with no tag or the `:latest` tag has an `imagePullPolicy` other than `Always`.',
      rationale:
        'With `IfNotPresent` a node pulls `:latest` once and keeps that image; a node added later pulls whatever ' +
        '`latest` is then. Replicas of one Deployment run different code depending on where they were scheduled, and ' +
        'a new push reaches only new nodes. Kubernetes defaults the policy to `Always` for such images, so the ' +
        'explicit setting is what breaks it. A pinned tag with `Always` does no harm and is not reported.',
      remediation:
        'Pin a version tag or digest (see image-tag); until then set `imagePullPolicy: Always`. `Never` is for images ' +
        'loaded onto the nodes by hand (kind, minikube): the quick fix to `Always` is offered there but not applied by ' +
        'fix-all, since a node cannot pull an image no registry has.',
      bad: pod('IfNotPresent'),
      good: pod('Always'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const policy = pairOf(container.map, 'imagePullPolicy');
      if (!policy || !isScalar(policy.value) || typeof policy.value.value !== 'string' || policy.value.value === 'Always') continue;
      const image = floatingImage(container);
      if (!image) continue;
      const value = policy.value.value;
      ctx.report({
        at: policy.value,
        message: `Container "${container.name}" image "${image.reference}" ${image.why} but imagePullPolicy is ${value}: nodes run whichever image they pulled first`,
        fixes: [setValue(`Set ${shown('imagePullPolicy', 'Always')}`, policy, 'Always', value !== 'Never')],
      });
    }
  },
};
