import { UsageError } from '../errors.js';

export async function runPreview(
  _file: string,
  _flags: { port?: string; templates?: string; open?: boolean },
): Promise<number> {
  throw new UsageError('faq preview is not available yet');
}
