import type { Artifact } from '../shared.js';
import type { ArchivedVersion, ArchivePlan } from './archive.js';

/** The manifest written next to an incident's artifacts. */
export interface Manifest {
  version: 1;
  id: string;
  /** Each artifact as `Artifact` names it, with its size and hash instead of its content. */
  artifacts: (Pick<Artifact, 'path' | 'variant' | 'lang' | 'format' | 'recipient' | 'customer'> & {
    bytes: number;
    sha256: string;
  })[];
  /** Each customer's kit folder (`customers:`), in the order of the file; only when there are kits. */
  kits?: { customer: string; path: string }[];
  /** The archived versions, oldest first; only when the incident has an archive. */
  archive?: ArchivedVersion[];
}

export function buildManifest(
  id: string,
  artifacts: readonly Artifact[],
  archive?: ArchivePlan,
): Manifest {
  return {
    version: 1,
    id,
    artifacts: artifacts.map((a) => ({
      path: a.path.slice(id.length + 1),
      variant: a.variant,
      lang: a.lang,
      format: a.format,
      ...(a.recipient ? { recipient: a.recipient } : {}),
      ...(a.customer ? { customer: a.customer } : {}),
      bytes: a.bytes,
      sha256: a.sha256,
    })),
    ...kitsOf(artifacts),
    ...(archive ? { archive: archive.versions } : {}),
  };
}

function kitsOf(artifacts: readonly Artifact[]): Pick<Manifest, 'kits'> {
  const customers = [...new Set(artifacts.flatMap((a) => (a.customer ? [a.customer] : [])))];
  if (customers.length === 0) return {};
  return { kits: customers.map((customer) => ({ customer, path: `customers/${customer}/` })) };
}
