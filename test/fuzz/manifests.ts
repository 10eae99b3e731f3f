// fast-check arbitraries for valid Pods and Deployments in many shapes: random subsets of fields, indentation 2 or
// 4, flush or indented sequences, flow or block maps, comments, CRLF. Each value renders to YAML text.
import * as fc from 'fast-check';

/** A tree to render: maps keep their key order; `flow` asks for `{…}` / `[…]` on one line. */
type Value = string | number | boolean | { map: Array<[string, Value]>; flow?: boolean } | { seq: Value[]; flow?: boolean };

interface Style {
  indent: 2 | 4;
  /** `- ` at the parent key's column (kubectl's style) instead of indented under it. */
  flushSequences: boolean;
  /** A comment after this share of lines (0 = none). */
  comments: boolean;
  crlf: boolean;
  finalNewline: boolean;
}

const map = (entries: Array<[string, Value] | undefined>, flow = false): Value => ({ map: entries.filter((e): e is [string, Value] => !!e), flow });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const securityContext = fc.record(
  {
    privileged: optional(fc.boolean()),
    allowPrivilegeEscalation: optional(fc.boolean()),
    runAsNonRoot: optional(fc.boolean()),
    readOnlyRootFilesystem: optional(fc.boolean()),
    add: optional(fc.constantFrom('NET_ADMIN', 'SYS_TIME')),
    flow: fc.boolean(),
  },
).map((s) => map([
  s.privileged === undefined ? undefined : ['privileged', s.privileged],
  s.allowPrivilegeEscalation === undefined ? undefined : ['allowPrivilegeEscalation', s.allowPrivilegeEscalation],
  s.runAsNonRoot === undefined ? undefined : ['runAsNonRoot', s.runAsNonRoot],
  s.readOnlyRootFilesystem === undefined ? undefined : ['readOnlyRootFilesystem', s.readOnlyRootFilesystem],
  s.add ? ['capabilities', map([['add', { seq: [s.add], flow: s.flow }]])] : undefined,
], s.flow));

const probe = fc.tuple(fc.constantFrom('httpGet', 'tcpSocket'), fc.boolean()).map(([handler, flow]) =>
  map([[handler, handler === 'httpGet' ? map([['path', '/healthz'], ['port', 8080]], flow) : map([['port', 8080]], flow)], ['periodSeconds', 10]]));

const container = fc.record({
  name: fc.constantFrom('web', 'api', 'side-car', 'db'),
  ports: fc.boolean(),
  securityContext: optional(securityContext),
  resources: optional(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean())),
  liveness: optional(probe),
  readiness: optional(probe),
}).map((c, ) => map([
  ['name', c.name],
  ['image', `registry.example/${c.name}:1.0`],
  c.ports ? ['ports', { seq: [map([['containerPort', 8080], ['name', 'http']])] }] : undefined,
  c.securityContext ? ['securityContext', c.securityContext] : undefined,
  c.resources ? ['resources', map([
    c.resources[0] ? ['requests', map([['cpu', '100m'], c.resources[1] ? ['memory', '64Mi'] : undefined], c.resources[2])] : undefined,
    c.resources[1] ? ['limits', map([['memory', '64Mi']], c.resources[2])] : undefined,
  ])] : undefined,
  c.liveness ? ['livenessProbe', c.liveness] : undefined,
  c.readiness ? ['readinessProbe', c.readiness] : undefined,
]));

const podSpec = fc.record({
  containers: fc.uniqueArray(container, { minLength: 1, maxLength: 3, selector: (c) => JSON.stringify((c as { map: unknown[] }).map[0]) }),
  hostNetwork: optional(fc.boolean()),
  runAsNonRoot: optional(fc.boolean()),
  hostPath: fc.boolean(),
}).map((s) => map([
  s.hostNetwork === undefined ? undefined : ['hostNetwork', s.hostNetwork],
  s.runAsNonRoot === undefined ? undefined : ['securityContext', map([['runAsNonRoot', s.runAsNonRoot]])],
  ['containers', { seq: s.containers }],
  s.hostPath ? ['volumes', { seq: [map([['name', 'host'], ['hostPath', map([['path', '/var/log']])]])] }] : undefined,
]));

const manifest = fc.tuple(fc.constantFrom('Pod', 'Deployment'), podSpec).map(([kind, spec]) => {
  const labels = map([['app', 'web']]);
  if (kind === 'Pod') return map([['apiVersion', 'v1'], ['kind', 'Pod'], ['metadata', map([['name', 'web'], ['labels', labels]])], ['spec', spec]]);
  return map([
    ['apiVersion', 'apps/v1'], ['kind', 'Deployment'], ['metadata', map([['name', 'web']])],
    ['spec', map([['replicas', 2], ['selector', map([['matchLabels', labels]])], ['template', map([['metadata', map([['labels', labels]])], ['spec', spec]])]])],
  ]);
});

const style: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  flushSequences: fc.boolean(),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
});

function scalar(value: string | number | boolean): string {
  return typeof value === 'string' && /[:#{}[\],]/.test(value) ? JSON.stringify(value) : String(value);
}

function flowText(value: Value): string {
  if (typeof value !== 'object') return scalar(value);
  if ('map' in value) return `{${value.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  return `[${value.seq.map(flowText).join(', ')}]`;
}

/** Block lines for the entries of a map at `column`. */
function mapLines(entries: Array<[string, Value]>, column: number, s: Style, out: string[]): void {
  for (const [key, value] of entries) {
    const pad = ' '.repeat(column);
    if (typeof value !== 'object' || value.flow || ('map' in value ? value.map.length === 0 : value.seq.length === 0)) {
      out.push(`${pad}${key}: ${flowText(value)}`);
    } else if ('map' in value) {
      out.push(`${pad}${key}:`);
      mapLines(value.map, column + s.indent, s, out);
    } else {
      out.push(`${pad}${key}:`);
      const dash = s.flushSequences ? column : column + s.indent;
      for (const item of value.seq) {
        if (typeof item === 'object' && 'map' in item && !item.flow && item.map.length > 0) {
          const lines: string[] = [];
          mapLines(item.map, dash + 2, s, lines);
          out.push(`${' '.repeat(dash)}- ${lines[0].trimStart()}`, ...lines.slice(1));
        } else out.push(`${' '.repeat(dash)}- ${flowText(item)}`);
      }
    }
  }
}

function render(value: Value, s: Style): string {
  const lines: string[] = [];
  mapLines((value as { map: Array<[string, Value]> }).map, 0, s, lines);
  // Comments after keys that end a line with a value, and one on a line of its own at the top.
  const commented = s.comments ? ['# generated', ...lines.map((l, i) => (i % 3 === 1 && !l.endsWith(':') ? `${l}  # note ${i}` : l))] : lines;
  const text = commented.join(s.crlf ? '\r\n' : '\n');
  return s.finalNewline ? text + (s.crlf ? '\r\n' : '\n') : text;
}

/** One to three manifests, each in its own style, as one file. */
export const manifestFile: fc.Arbitrary<string> = fc
  .array(fc.tuple(manifest, style), { minLength: 1, maxLength: 3 })
  .map((docs) => docs.map(([m, s]) => render(m, { ...s, finalNewline: true })).join('---\n'))
  .chain((text) => fc.constant(text));
