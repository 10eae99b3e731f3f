// The fix intents the rules share, in Kubernetes terms: set a field, make sure a container's or the pod's
// securityContext holds some settings, remove a field. Each returns a proposal the YAML editor carries out.
import { isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import type { FixProposal } from '../types';
import type { Container, Workload } from '../k8s/workload';
import { decline } from './editor';
import { scalarText } from './render';
import type { YamlMapValue, YamlValue } from './render';

/** `key: value` as a title shows it. */
export function shown(key: string, value: string | number | boolean): string {
  return `${key}: ${scalarText(value)}`;
}

/** Sets the value of an existing `key: scalar` pair. */
export function setValue(title: string, pair: Pair, value: YamlValue, preferred = true): FixProposal {
  return {
    title,
    preferred,
    apply(editor) {
      if (!isScalar(pair.value)) decline('the value is not a scalar');
      editor.setScalar(pair.value, value);
    },
  };
}

/** Makes sure the container's securityContext holds `settings`, creating or merging into it. */
export function ensureContainerSecurity(title: string, container: Container, settings: YamlMapValue, preferred = true): FixProposal {
  return { title, preferred, apply: (editor) => editor.ensure(container.map, { securityContext: settings }) };
}

/** Makes sure the pod's securityContext holds `settings`, for every container. */
export function ensurePodSecurity(title: string, workload: Workload, settings: YamlMapValue, preferred = false): FixProposal {
  return { title, preferred, apply: (editor) => editor.ensure(workload.podSpec, { securityContext: settings }) };
}

/** Removes a pair; a map it leaves empty goes with it, up the given chain of enclosing pairs. */
export function removeField(
  title: string,
  map: YAMLMap,
  pair: Pair,
  parents: ReadonlyArray<{ map: YAMLMap; pair: Pair }> = [],
): FixProposal {
  return { title, preferred: true, apply: (editor) => editor.removePair(map, pair, parents) };
}
