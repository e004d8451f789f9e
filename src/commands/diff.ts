import { UsageError } from '../errors.js';

export async function runDiff(
  _old: string,
  _new: string,
  _flags: { variant: string; lang?: string; format: string },
): Promise<number> {
  throw new UsageError('faq diff is not available yet');
}
