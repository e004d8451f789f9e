/**
 * What the index across incidents (`index.html` of an output folder) knows of one incident: its
 * facts, recorded by the render (and the render cache) and kept in `index.json`, so that an index
 * can list incidents that this run did not render.
 */
export interface IndexEntry {
  id: string;
  organization: string;
  /** For the feed's ids (tag: authority): the organisation's website and contact e-mail. */
  website?: string;
  email?: string;
  /** The incident file's own language. */
  lang: string;
  status: string;
  phase: string;
  /** `updated` as `toIsoString` writes it ("2026-11-26T15:00+01:00"). */
  updated: string;
  /** `incident.detected`, the same way. */
  detected: string;
  draft: boolean;
  /** Per language: the page to link (relative to the output folder) and its title. */
  pages: Record<string, { href: string; title: string }>;
  /**
   * The customers' kits (`customers:`), in the order of the file: each customer's name and, per
   * language, its notice page (`<id>/customers/<slug>/notice.<lang>.html`). Only with kits.
   */
  kits?: { customer: string; name: string; pages: Record<string, string> }[];
}

/** An incident folder of the output folder, as the index lists it. */
export interface ListedIncident {
  id: string;
  /** Undefined: a folder whose facts are not known (rendered alone before, or by an older faq). */
  entry?: IndexEntry;
  /** Per language: a page of the folder, from its manifest (for a folder without facts). */
  pages: Record<string, string>;
  /** SHA-256 of the folder's manifest.json: an index entry is valid for this folder only. */
  manifest: string;
}
