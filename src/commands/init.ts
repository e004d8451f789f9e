import { UsageError } from '../errors.js';

export async function runInit(
  _file: string,
  _flags: { lang: string; force?: boolean },
): Promise<number> {
  throw new UsageError('faq init is not available yet');
}
