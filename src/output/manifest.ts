import type { Artifact } from '../shared.js';
import type { ArchivedVersion, ArchivePlan } from './archive.js';

/** The manifest written next to an incident's artifacts. */
export interface Manifest {
  version: 1;
  id: string;
  artifacts: {
    path: string;
    variant: string;
    lang: string;
    format: string;
    recipient?: string;
    bytes: number;
    sha256: string;
  }[];
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
      bytes: a.bytes,
      sha256: a.sha256,
    })),
    ...(archive ? { archive: archive.versions } : {}),
  };
}
