// document-too-large: says when Kubewright checked a document only in part, because of its size or the time budget.
// The engine reports it (it is decided before or around parsing); this module holds what the rule is and its docs.
import type { DocumentRule } from '../types';
import { DOCUMENT_TOO_LARGE } from '../limits';

export const rule: DocumentRule = {
  meta: {
    id: DOCUMENT_TOO_LARGE,
    severity: 'info',
    docs: {
      summary: 'A document too large to check in full: over 1.5 MB only its YAML syntax is checked, over 3 MB nothing.',
      rationale:
        'An editor sees generated and pasted files of any size, and a check that took minutes would freeze it. The limits ' +
        "follow the cluster's own: etcd refuses to store an object over 1.5 MiB and the API server a request over 3 MiB, " +
        'so rules about what a larger object would do cannot matter. In the editor a check that runs past its time ' +
        'budget (5 s) stops, keeps what it found, and reports here which documents it did not reach; the next edit ' +
        'resumes where it stopped, and an edit of one document re-checks only that one. The command line has no ' +
        'time budget.',
      remediation:
        'Split the file, or move large data out of the manifest (a ConfigMap built from files, an image, a volume). ' +
        'Set the rule to "off" to keep the limits without the message.',
      bad:
        '# A ConfigMap holding 2 MB of data: only its syntax is checked\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards\ndata:\n  all.json: |\n    {"panels": [ ... 2 MB ... ]}\n',
      good:
        '# The same data split over ConfigMaps under 1.5 MB each, or built from files at deploy time\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards-1\ndata:\n  part-1.json: |\n    {"panels": []}\n',
    },
  },
  checkDocument() {
    // Nothing to do per document: lint.ts reports before parsing (size) or between documents (time).
  },
};
