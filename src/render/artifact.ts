import { hash } from 'node:crypto';
import type { Artifact } from '../shared.js';
import { scanText } from './scan.js';

type Encoded = Pick<Artifact, 'content' | 'bytes' | 'sha256'>;

/**
 * The texts of one render, each scanned for leftovers and encoded once: in a mail merge, most
 * recipients share their text, HTML and Markdown with many others (the few last texts are kept).
 * Artifacts with one text share its bytes (they only move between threads as a whole).
 */
export class RenderedTexts {
  private readonly recent = new Map<string, { encoded?: Encoded }>();

  constructor(private readonly allowed: ReadonlySet<string>) {}

  /** Fails the render if the text of the file at `path` has a leftover placeholder. */
  scan(path: string, content: string | Uint8Array): void {
    if (typeof content !== 'string') return scanText(path, content, this.allowed);
    const seen = this.recent.get(content);
    if (seen) {
      // The most recent last: the least recent is the first to go.
      this.recent.delete(content);
      this.recent.set(content, seen);
      return;
    }
    scanText(path, content, this.allowed);
    if (this.recent.size >= 8) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(content, {});
  }

  /** The artifact of a scanned text. */
  toArtifact(
    path: string,
    meta: Omit<Artifact, 'path' | 'content' | 'bytes' | 'sha256'>,
    content: string | Uint8Array,
  ): Artifact {
    const seen = typeof content === 'string' ? this.recent.get(content) : undefined;
    const encoded = seen?.encoded ?? encode(content);
    if (seen) seen.encoded = encoded;
    return { path, ...meta, ...encoded };
  }
}

function encode(content: string | Uint8Array): Encoded {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { content: bytes, bytes: bytes.length, sha256: hash('sha256', bytes) };
}
