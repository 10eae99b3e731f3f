// Reads a container image reference (`registry:5000/team/app:1.2@sha256:…`) into the parts the image rules need:
// whether it names a tag, which one, and whether a digest pins it.
import { isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import { pairOf } from './nodes';
import type { Container } from './workload';

export interface ImageReference {
  /** The tag, or undefined when the reference names none (the runtime then pulls `latest`). */
  tag?: string;
  /** Pinned by `@sha256:…` (or another digest): the tag, if any, no longer decides what runs. */
  digest: boolean;
}

/**
 * Whether the text can be an image reference at all. Placeholders a tool or a person replaces before the manifest is
 * applied (`<image_url>`, `${IMAGE}`, `{{ .Values.image }}`, `ko://…`) cannot, and say nothing about tags.
 */
export function isImageReference(text: string): boolean {
  return /^[a-z0-9][a-z0-9._\-/:@]*$/i.test(text) && !text.includes('://');
}

/** Parses a reference; a colon before the last `/` is a registry port, not a tag. */
export function parseImage(reference: string): ImageReference {
  const at = reference.indexOf('@');
  const name = at < 0 ? reference : reference.slice(0, at);
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastPart.indexOf(':');
  return { tag: colon < 0 ? undefined : lastPart.slice(colon + 1), digest: at >= 0 };
}

export interface FloatingImage {
  /** The image value: where a finding about it sits. */
  value: Scalar;
  reference: string;
  /** How the reference floats, as a message shows it: "has no tag" or "is tagged :latest". */
  why: string;
}

/**
 * The container's image when what it names can change under it: no tag, or `:latest`, and no digest. An image that is
 * not a plain string (absent, a number) is schema-required's and schema-type's business, and a placeholder is not an
 * image yet: both are undefined here.
 */
export function floatingImage(container: Container): FloatingImage | undefined {
  const value = pairOf(container.map, 'image')?.value;
  if (!isScalar(value) || typeof value.value !== 'string') return undefined;
  const reference = value.value.trim();
  if (!isImageReference(reference)) return undefined;
  const { tag, digest } = parseImage(reference);
  if (digest) return undefined;
  if (tag === undefined) return { value, reference, why: 'has no tag' };
  return tag === 'latest' ? { value, reference, why: 'is tagged :latest' } : undefined;
}
