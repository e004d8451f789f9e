import { UsageError } from '../errors.js';

export async function runSchema(): Promise<number> {
  throw new UsageError('faq schema is not available yet');
}
