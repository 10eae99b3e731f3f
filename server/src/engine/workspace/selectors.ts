// Label selector matching as the API server does it: every matchLabels pair, every matchExpressions requirement.
import type { Selector } from './model';

/** An empty LabelSelector selects every pod; an empty Service selector means the Service has none. */
export function isEmptySelector(selector: Selector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function selectorMatches(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** The selector in words for messages: `app=web, tier in (a, b)`. */
export function describeSelector(selector: Selector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') parts.push(key);
    else if (operator === 'DoesNotExist') parts.push(`!${key}`);
    else parts.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(', ')})`);
  }
  return parts.join(', ');
}

/**
 * For a message: the workload whose pod labels come closest to the selector (most matchLabels pairs equal, at least
 * one) and the labels it has where the selector differs, as ` (Deployment "web" has app=webapp)`; '' when none is close.
 */
export function closestMiss(selector: Selector, workloads: ReadonlyArray<{ kind: string; name: string; pod?: { labels: Record<string, string> } }>): string {
  const wanted = Object.entries(selector.matchLabels);
  let best: { score: number; text: string } | undefined;
  for (const w of workloads) {
    const labels = w.pod?.labels ?? {};
    const score = wanted.filter(([k, v]) => labels[k] === v).length;
    const differing = wanted.filter(([k, v]) => labels[k] !== v);
    if (score === 0 || differing.length === 0 || (best && best.score >= score)) continue;
    const has = differing.map(([k]) => (k in labels ? `${k}=${labels[k]}` : `no ${k} label`)).join(', ');
    best = { score, text: ` (${w.kind} "${w.name}" has ${has})` };
  }
  return best?.text ?? '';
}
