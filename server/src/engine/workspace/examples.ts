// Manifests for the cross-file rules' docs: one file with the objects that refer to one another, which the
// docs test and the rule tests lint as a workspace of one file.
export function deployment(name: string, labels: string, extraPodSpec: string[] = [], ports = ['- name: http', '  containerPort: 8080']): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  selector: {matchLabels: {${labels}}}`,
    '  template:',
    `    metadata: {labels: {${labels}}}`,
    '    spec:',
    ...extraPodSpec.map((l) => `      ${l}`),
    '      containers:',
    `        - name: ${name}`,
    '          image: example/web:1.0',
    '          ports:',
    ...ports.map((l) => `            ${l}`),
  ].join('\n');
}

export function service(name: string, selector: string, targetPort: string | number = 'http'): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  selector: {${selector}}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    `      targetPort: ${targetPort}`,
  ].join('\n');
}

export function manifests(...documents: string[]): string {
  return documents.join('\n---\n') + '\n';
}
