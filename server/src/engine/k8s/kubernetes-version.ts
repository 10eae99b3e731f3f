// Kubernetes minor versions ("1.22") as the engine reads and compares them: the version a user targets, and the
// versions in the API lifecycle table.

export interface KubernetesVersion {
  major: number;
  minor: number;
}

/** What the setting and `--kubernetes-version` accept: a 1.x minor version, without a patch number. */
export const KUBERNETES_VERSION_PATTERN = /^1\.(0|[1-9]\d{0,2})$/;

/** "1.22" → { major: 1, minor: 22 }; anything else (a patch version, a `v` prefix, a number) → undefined. */
export function parseKubernetesVersion(text: unknown): KubernetesVersion | undefined {
  if (typeof text !== 'string') return undefined;
  const match = KUBERNETES_VERSION_PATTERN.exec(text);
  return match ? { major: 1, minor: Number(match[1]) } : undefined;
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareVersions(a: KubernetesVersion, b: KubernetesVersion): number {
  return a.major - b.major || a.minor - b.minor;
}

export function formatVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

/** True when `version` is given and the target has reached it. */
export function reached(target: KubernetesVersion, version: KubernetesVersion | undefined): version is KubernetesVersion {
  return version !== undefined && compareVersions(target, version) >= 0;
}
