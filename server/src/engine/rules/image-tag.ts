// image-tag: a container image with no tag or the `:latest` tag, and no digest, runs whatever was pushed last.
import type { WorkloadRule } from '../types';
import { floatingImage } from '../k8s/image';

const pod = (image: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: web', `      image: ${image}`, ''].join('\n');

export const rule: WorkloadRule = {
  meta: {
    id: 'image-tag',
    severity: 'warning',
    // Not in seed: it reports manifests that run today, and seed's users should see no new findings.
    profiles: [],
    docs: {
      summary: 'A container image has no tag or the `:latest` tag, and no `@sha256:` digest.',
      rationale:
        'An image without a tag is pulled as `:latest`, and `:latest` is whatever was pushed last: two replicas ' +
        'scheduled a day apart can run different code, a rollback to the same manifest does not roll back the code, ' +
        'and nothing in the manifest says which version runs. A registry port (`registry:5000/app`) is not a tag.',
      remediation:
        'Name a version tag (`nginx:1.27.3`), or pin a digest (`nginx@sha256:…`, or `nginx:1.27.3@sha256:…` to keep ' +
        'the version readable). Have CI write the tag it built into the manifest.',
      bad: pod('nginx:latest'),
      good: pod('nginx:1.27.3'),
    },
  },
  checkWorkload(workload, ctx) {
    for (const container of workload.containers) {
      const image = floatingImage(container);
      if (!image) continue;
      ctx.report({
        at: image.value,
        message: `Container "${container.name}" image "${image.reference}" ${image.why}: pin a version tag or a digest`,
      });
    }
  },
};
