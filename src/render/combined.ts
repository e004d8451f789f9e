import type { Artifact } from '../shared.js';
import type { RenderedTexts } from './artifact.js';

type Meta = Omit<Artifact, 'path' | 'content' | 'bytes' | 'sha256'>;

/**
 * The files of combined formats (mbox): one per variant and language, with the parts of every
 * recipient's document in the order rendered.
 */
export class CombinedFiles {
  private readonly files = new Map<string, { meta: Meta; parts: Uint8Array[] }>();

  add(path: string, meta: Meta, content: string | Uint8Array): void {
    let file = this.files.get(path);
    if (!file) this.files.set(path, (file = { meta, parts: [] }));
    file.parts.push(typeof content === 'string' ? Buffer.from(content) : content);
  }

  toArtifacts(texts: RenderedTexts): Artifact[] {
    return [...this.files].map(([path, { meta, parts }]) =>
      texts.toArtifact(path, meta, new Uint8Array(Buffer.concat(parts))),
    );
  }
}
