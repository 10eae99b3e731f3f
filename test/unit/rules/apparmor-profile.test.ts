// apparmor-profile: Unconfined in the pod's or a container's appArmorProfile, and the annotation form on the pod
// template; RuntimeDefault, Localhost, runtime/default and localhost/* are fine.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/apparmor-profile';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: unconfined
      spec:
        template:
          metadata:
            annotations:
              container.apparmor.security.beta.kubernetes.io/web: localhost/k8s-web
              container.apparmor.security.beta.kubernetes.io/log: runtime/default
          spec:
            securityContext:
              appArmorProfile: {type: Localhost, localhostProfile: k8s-web}
            containers:
              - name: web
                image: x:1
                securityContext: {appArmorProfile: {type: RuntimeDefault}}`,
  ],
  invalid: [
    yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          metadata:
            annotations:
              container.apparmor.security.beta.kubernetes.io/web: unconfined
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ Container "web" runs with AppArmor profile unconfined: use runtime/default
          spec:
            securityContext:
              appArmorProfile:
                type: Unconfined
      #         ^^^^^^^^^^^^^^^^ Pod of Deployment "web" runs its containers without AppArmor (appArmorProfile type: Unconfined): use RuntimeDefault
            containers:
              - name: web
                image: x:1
                securityContext: {appArmorProfile: {type: Unconfined}}
      #                                             ^^^^^^^^^^^^^^^^ Container "web" runs without AppArmor`,
  ],
});
