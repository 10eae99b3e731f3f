// ValidatingWebhookConfiguration and MutatingWebhookConfiguration from admissionregistration.k8s.io/v1beta1 to v1.
// The fields are the same, but v1 changed four defaults and requires two fields v1beta1 defaulted, so each webhook
// gets the v1beta1 default written out wherever it relied on one: the webhook is called as it was before.
import { isMap } from 'yaml';
import { decline } from '../editor';
import { pairOf, seqItems, stringValue, valueOf } from '../../k8s/nodes';
import type { YamlMapValue } from '../render';
import type { Migration } from './migration';

/** What admissionregistration.k8s.io/v1beta1 filled in, where v1 fills in something else or nothing. */
const V1BETA1_DEFAULTS: YamlMapValue = {
  failurePolicy: 'Ignore', // v1: Fail
  matchPolicy: 'Exact', // v1: Equivalent
  timeoutSeconds: 30, // v1: 10
  admissionReviewVersions: ['v1beta1'], // v1: required
};

/** The side effects v1 accepts; v1beta1's default, Unknown, and Some are not among them. */
const V1_SIDE_EFFECTS = ['None', 'NoneOnDryRun'];

export const WEBHOOK_MIGRATIONS: readonly Migration[] = [
  {
    from: ['admissionregistration.k8s.io/v1beta1'],
    kinds: ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'],
    to: 'admissionregistration.k8s.io/v1',
    migrate({ editor, root, apiVersion }) {
      editor.setScalar(apiVersion, 'admissionregistration.k8s.io/v1');
      const names = new Set<string>();
      for (const webhook of seqItems(valueOf(root, 'webhooks'))) {
        if (!isMap(webhook)) return decline('a webhook that is not a map');
        // Whether the webhook has side effects is the author's to say: v1 takes no Unknown, written or defaulted.
        const sideEffects = stringValue(valueOf(webhook, 'sideEffects'));
        if (!sideEffects || !V1_SIDE_EFFECTS.includes(sideEffects)) return decline(`a webhook with sideEffects ${sideEffects ?? 'unset (Unknown)'}`);
        // v1 rejects two webhooks of one name in a configuration, which v1beta1 allowed.
        const name = stringValue(valueOf(webhook, 'name')) ?? decline('a webhook without a name');
        if (names.has(name)) return decline(`two webhooks named ${name}`);
        names.add(name);
        const missing = Object.fromEntries(Object.entries(V1BETA1_DEFAULTS).filter(([key]) => !pairOf(webhook, key)));
        if (Object.keys(missing).length) editor.ensure(webhook, missing);
      }
    },
  },
];
