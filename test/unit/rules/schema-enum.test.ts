// schema-enum: values outside their field's fixed set, on the value, with the closest allowed value suggested.
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/schema-enum';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: LoadBalancer
        externalTrafficPolicy: Local
        ipFamilies: [IPv4, IPv6]
        ports: [{port: 80, protocol: UDP}]`,
    // "" is the API's "unset": defaulted like a missing field.
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec: {restartPolicy: Never, containers: [{name: a, image: x, imagePullPolicy: ""}]}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: Nodeport
      #       ^^^^^^^^ \`type\` must be one of \`ClusterIP\`, \`ExternalName\`, \`LoadBalancer\`, \`NodePort\`, not \`Nodeport\`: did you mean \`NodePort\`?
        ipFamilies: [IPv4, IPv5]
      #                    ^^^^ \`ipFamilies[1]\` must be one of \`IPv4\`, \`IPv6\`, not \`IPv5\`
        ports:
          - port: 80
            protocol: tcp
      #               ^^^ did you mean \`TCP\`?`,
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        restartPolicy: Sometimes
      #                ^^^^^^^^^ \`restartPolicy\` must be one of \`Always\`, \`Never\`, \`OnFailure\`, not \`Sometimes\`
        containers:
          - {name: a, image: x, imagePullPolicy: always}
      #                                          ^^^^^^ did you mean \`Always\`?`,
  ],
});
