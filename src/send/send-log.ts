import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { toIsoString } from '../incident/dates.js';
import type { LocalDate } from '../incident/dates.js';
import { OutputError } from '../shared.js';

/** The state folder: beside the output folder, so that a render (which replaces <out>/<id>/) and a fresh --out never touch it. */
export function stateFolderOf(out: string): string {
  return join(dirname(resolve(out)), '.faq-state');
}

/** The send log of one version of one incident: `<state>/<id>/<updated>.jsonl` (`:` left out for Windows). */
export function sendLogPath(state: string, id: string, updated: LocalDate): string {
  return join(state, id, `${toIsoString(updated).replaceAll(':', '')}.jsonl`);
}

/** One accepted message, one JSON line. Never holds credentials: only what the server answered. */
export interface SendRecord {
  /** The recipient's address, as in the incident file. */
  to: string;
  /** The recipient's file name part (its .eml). */
  recipient?: string;
  messageId: string;
  /** Envelope recipients the server accepted (the recipient, cc, bcc). */
  accepted: string[];
  /** Envelope recipients it refused while accepting the message for the others. */
  rejected: string[];
  /** The server's reply to the message, e.g. "250 2.0.0 Ok: queued as 4FbS". */
  response: string;
  time: string;
  /** Sent again with --resend. */
  resend?: true;
}

/** The records of a send log; a line cut short by a crash (the last one) is ignored. */
export function readSendLog(path: string): SendRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new OutputError(`cannot read the send log ${path}: ${(error as Error).message}`);
  }
  const records: SendRecord[] = [];
  const lines = text.split('\n');
  for (const [n, line] of lines.entries()) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as SendRecord;
      if (typeof record.to === 'string' && typeof record.messageId === 'string')
        records.push(record);
      else throw new Error('not a record');
    } catch {
      // Only the last line can be half-written (appended, then synced): any other is damage.
      if (n === lines.length - 1) continue;
      throw new OutputError(
        `the send log ${path} is damaged at line ${n + 1}; nothing was sent`,
        'repair or remove that line: without the log, faq cannot know who already has the e-mail',
      );
    }
  }
  return records;
}

/** Appends records to a send log, each written and synced to disk before the next message goes. */
export class SendLog {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  append(record: SendRecord): void {
    if (this.fd === undefined) this.open();
    const line = `${JSON.stringify(record)}\n`;
    writeSync(this.fd!, line);
    fsyncSync(this.fd!);
  }

  private open(): void {
    const folder = dirname(this.path);
    mkdirSync(folder, { recursive: true });
    this.fd = openSync(this.path, 'a');
    // A line cut short by a crash is ended first, so that the next record is a line of its own.
    const text = readFileSync(this.path, 'utf8');
    if (text && !text.endsWith('\n')) writeSync(this.fd, '\n');
    // The new file's name in its folder is on disk too.
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
