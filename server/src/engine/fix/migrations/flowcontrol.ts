// FlowSchema and PriorityLevelConfiguration from flowcontrol.apiserver.k8s.io/v1beta1, v1beta2 and v1beta3 to v1.
// FlowSchema's fields are the same in all of them. A priority level's share of the server's concurrency was
// `assuredConcurrencyShares` until v1beta3 named it `nominalConcurrencyShares`; the betas read 0 as unset (30),
// where v1 takes 0 as it is (a level that runs nothing), so a 0 is written as the 30 it meant.
import { isScalar } from 'yaml';
import { mapAt, pairOf } from '../../k8s/nodes';
import { rename } from './migration';
import type { Migration } from './migration';

const BETAS = ['flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3'];
const V1 = 'flowcontrol.apiserver.k8s.io/v1';
/** What the betas gave a priority level with no (or zero) shares. */
const DEFAULT_SHARES = 30;

export const FLOWCONTROL_MIGRATIONS: readonly Migration[] = [
  rename(BETAS, ['FlowSchema'], V1),
  {
    from: BETAS,
    kinds: ['PriorityLevelConfiguration'],
    to: V1,
    migrate({ editor, surgeon, root, apiVersion }) {
      editor.setScalar(apiVersion, V1);
      const limited = mapAt(root, ['spec', 'limited']);
      const shares = pairOf(limited, 'assuredConcurrencyShares') ?? pairOf(limited, 'nominalConcurrencyShares');
      if (!shares) return;
      if (pairOf(limited, 'assuredConcurrencyShares')) surgeon.renameKey(shares, 'nominalConcurrencyShares');
      if (isScalar(shares.value) && shares.value.value === 0) editor.setScalar(shares.value, DEFAULT_SHARES);
    },
  },
];
