// HorizontalPodAutoscaler from autoscaling/v2beta1 and v2beta2 to autoscaling/v2. v2beta2 has v2's shape already;
// v2beta1's metrics name their target in one key (`targetAverageUtilization: 50`), which v2 splits into
// `target: {type: Utilization, averageUtilization: 50}`, and put metricName/selector under `metric`.
import { isMap } from 'yaml';
import type { YAMLMap } from 'yaml';
import { decline } from '../editor';
import { mapAt, pairOf, seqItems, stringValue, valueAt, valueOf } from '../../k8s/nodes';
import { rename } from './migration';
import type { Migration } from './migration';
import type { Move, Surgeon } from './surgery';

/** v2beta1's target keys, and the type and key each becomes under v2's `target`. */
const TARGETS: Readonly<Record<string, { type: string; key: string }>> = {
  targetAverageUtilization: { type: 'Utilization', key: 'averageUtilization' },
  targetAverageValue: { type: 'AverageValue', key: 'averageValue' },
  targetValue: { type: 'Value', key: 'value' },
};

/** The key under each metric type's source that v2 renames, and where it goes. */
const METRIC_KEYS: Readonly<Record<string, readonly string[]>> = {
  metricName: ['metric', 'name'],
  selector: ['metric', 'selector'],
  metricSelector: ['metric', 'selector'],
};

/** Which source map each metric type keeps its settings in, and which keys v2beta1 allows there. */
const SOURCES: Readonly<Record<string, { key: string; allowed: readonly string[] }>> = {
  Resource: { key: 'resource', allowed: ['name', 'targetAverageUtilization', 'targetAverageValue'] },
  Pods: { key: 'pods', allowed: ['metricName', 'selector', 'targetAverageValue'] },
  Object: { key: 'object', allowed: ['target', 'metricName', 'selector', 'targetValue'] },
  External: { key: 'external', allowed: ['metricName', 'metricSelector', 'targetValue', 'targetAverageValue'] },
};

function migrateMetric(metric: unknown, surgeon: Surgeon): void {
  const type = stringValue(valueOf(metric, 'type'));
  const spec = type ? SOURCES[type] : undefined;
  if (!spec) return decline(`a metric of type ${type ?? '?'}`);
  const source = mapAt(metric, [spec.key]);
  if (!source) return decline(`a ${type} metric without its ${spec.key} map`);
  const moves: Move[] = [];
  let targets = 0;
  for (const pair of source.items) {
    const key = stringValue(pair.key);
    // Anything else (Object's averageValue, a field from a later version) has no sure place in v2: leave it to a person.
    if (!key || !spec.allowed.includes(key)) return decline(`${spec.key}.${key ?? '?'}`);
    const target = TARGETS[key];
    if (target) {
      targets++;
      moves.push({ pair, path: ['target', target.key], before: { type: target.type } });
    } else if (METRIC_KEYS[key]) {
      moves.push({ pair, path: METRIC_KEYS[key] });
    }
  }
  if (targets !== 1) return decline(`a ${type} metric with ${targets} targets`);
  // Object's `target` names the object the metric describes: v2 calls it describedObject, and `target` is the goal.
  const described = pairOf(source, 'target');
  if (described) surgeon.renameKey(described, 'describedObject');
  surgeon.nest(source as YAMLMap, moves);
}

export const HPA_MIGRATIONS: readonly Migration[] = [
  rename(['autoscaling/v2beta2'], ['HorizontalPodAutoscaler'], 'autoscaling/v2'),
  {
    from: ['autoscaling/v2beta1'],
    kinds: ['HorizontalPodAutoscaler'],
    to: 'autoscaling/v2',
    migrate({ editor, surgeon, root, apiVersion }) {
      editor.setScalar(apiVersion, 'autoscaling/v2');
      for (const metric of seqItems(valueAt(root, ['spec', 'metrics']))) {
        if (!isMap(metric)) return decline('a metric that is not a map');
        migrateMetric(metric, surgeon);
      }
    },
  },
];

