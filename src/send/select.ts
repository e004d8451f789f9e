import { suggestion } from '../incident/suggest.js';
import { InputError, UsageError } from '../shared.js';
import type { Outgoing } from './messages.js';

/** Which recipients a send is for (by default all of them). */
export interface Selection {
  /** `--customer`: one recipient by name or file name part. */
  customer?: string;
  /** `--to`: recipients by address. */
  to?: string[];
  /** `--resend`: these addresses get their message again, and only they. */
  resend?: string[];
}

/** The messages a send is for, in the file's order; a name or address not in the file is a usage error. */
export function selectMessages(
  messages: readonly Outgoing[],
  selection: Selection,
  file: string,
): Outgoing[] {
  let chosen = [...messages];
  if (selection.customer !== undefined) {
    const wanted = selection.customer.toLowerCase();
    chosen = chosen.filter((m) => m.recipient === wanted || m.name.toLowerCase() === wanted);
    if (chosen.length === 0)
      throw new UsageError(
        `no recipient "${selection.customer}" in the incident file`,
        suggestion(
          selection.customer,
          messages.flatMap((m) => (m.recipient ? [m.name, m.recipient] : [])),
        ),
      );
  }
  for (const [flag, addresses] of [
    ['--to', selection.to],
    ['--resend', selection.resend],
  ] as const) {
    if (!addresses?.length) continue;
    const wanted = new Set(addresses.map((a) => a.toLowerCase()));
    const known = new Set(messages.flatMap((m) => (m.to ? [m.to.toLowerCase()] : [])));
    const unknown = [...wanted].find((a) => !known.has(a));
    if (unknown !== undefined)
      throw new UsageError(
        `${flag} ${unknown}: no recipient of the incident file has this address`,
        'faq send writes only to the recipients in the file (add the address there, with a new `updated` and approval)',
      );
    chosen = chosen.filter((m) => m.to !== undefined && wanted.has(m.to.toLowerCase()));
  }
  if (chosen.length === 0 || !chosen.some((m) => m.to))
    throw new InputError([
      {
        file,
        line: 1,
        col: 1,
        severity: 'error',
        path: 'email.recipients',
        message: 'no e-mail of this file has a recipient address; nothing to send',
        hint: 'list the recipients under email.recipients, each with name: and email:',
      },
    ]);
  return chosen;
}
