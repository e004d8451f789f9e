import type { NoticeCount } from '../shared.js';
import { countNotice, firstExceeded, type NoticeKind } from './limits.js';
import { isGsm7 } from './sms-count.js';
import {
  speakDate,
  speakDateTime,
  speakHours,
  speakPhone,
  speakWebsite,
  writeShortDate,
} from './spoken.js';
import {
  customerOpening,
  restoredPieces,
  sourcePieces,
  writeCustomerLead,
} from './customer-pieces.js';
import type { FieldPath, NoticeFacts, NoticeOverride, Piece, Speaker } from './types.js';
import { WORDING, type Wording } from './wording.js';

/** A notice, built and counted. */
export interface Notice {
  kind: NoticeKind;
  text: string;
  counts: NoticeCount[];
  /** Set when the text breaks a rule: where to say so, and how to fix it. */
  problem?: { path: FieldPath; message: string; hint: string };
  /** The text came from `notices.<kind>.text`. */
  isOverride: boolean;
}

function wordingOf(lang: string): Wording {
  return WORDING[lang] ?? WORDING.en!;
}

/** "A, B und C". */
function listNames(names: readonly string[], and: string): string {
  return names.length < 2
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

function servicePieces(
  facts: NoticeFacts,
  say: Record<'down' | 'limited', (names: string) => string>,
  and: string | undefined,
  until: number,
): Piece[] {
  if (facts.phase === 'resolved') return [];
  return (['down', 'limited'] as const).flatMap((state) => {
    const names = facts.services.filter((s) => s.state === state).map((s) => s.name);
    if (names.length === 0) return [];
    return [{ text: say[state](and ? listNames(names, and) : names.join(', ')), until }];
  });
}

/** The written notices (sms, social, banner), richest first: k drops the pieces one by one. */
function writtenPieces(kind: NoticeKind, facts: NoticeFacts, speaker: Speaker): Piece[] {
  const w = wordingOf(facts.lang);
  const [long, short] = w.state[facts.status][facts.phase];
  const isSocial = kind === 'social';
  const open = facts.phase !== 'resolved';
  const of = speaker.customerOf;
  const pieces: Piece[] = [
    ...(of
      ? customerOpening(kind, facts, speaker, of)
      : [
          { text: `${speaker.name}: ${long}`, until: 4 },
          { text: `${speaker.name}: ${short}`, from: 4 },
        ]),
    ...servicePieces(facts, w.services, undefined, kind === 'banner' ? 0 : 1),
    ...restoredPieces(kind, facts, (names) => names.join(', ')),
  ];
  if (isSocial && open && facts.findingsExpected)
    pieces.push({ text: w.next(writeShortDate(facts.findingsExpected, facts.lang)), until: 2 });
  if (isSocial && open && facts.cancelAppointments) pieces.push({ text: w.appointments, until: 2 });
  const { website, phone } = speaker;
  // The last resorts: the hotline goes first; then, for a long address, the number stands alone.
  if (website) pieces.push({ text: w.website(website), ...(phone ? { until: 6 } : {}) });
  if (phone) {
    const hours = isSocial && speaker.hours ? ` (${speaker.hours})` : '';
    const say = speaker.isHotline ? w.hotline : w.phone;
    pieces.push({
      text: say(phone) + (speaker.isHotline ? hours : ''),
      ...(website ? { until: 5 } : {}),
    });
    if (website) pieces.push({ text: say(phone), from: 6 });
  }
  if (of) pieces.push(...sourcePieces(facts, of));
  if (kind !== 'banner')
    pieces.push({ text: w.stand(writeShortDate(facts.updated, facts.lang)), until: 3 });
  return pieces;
}

/** The hotline announcement, to be spoken: no URL letter by letter, dates and numbers as said. */
function spokenPieces(facts: NoticeFacts, speaker: Speaker): Piece[] {
  const w = wordingOf(facts.lang).spoken;
  const { lang } = facts;
  const of = speaker.customerOf;
  const [long] = wordingOf(lang).state[facts.status][facts.phase];
  const open = facts.phase !== 'resolved';
  const and = wordingOf(lang).and;
  const pieces: Piece[] = [
    { text: w.opening(speaker.forms) },
    { text: of ? writeCustomerLead(facts, speaker, of) : long },
  ];
  pieces.push(...servicePieces(facts, w.services, and, 2));
  pieces.push(...restoredPieces('phone', facts, (names) => listNames(names, and)));
  if (open && facts.cancelAppointments) pieces.push({ text: w.appointments });
  const update = facts.latestUpdate;
  if (update && !/https?:|www\./i.test(update.text))
    pieces.push({ text: w.update(speakDateTime(update.at, lang), update.text), until: 1 });
  if (open && facts.findingsExpected)
    pieces.push({ text: w.next(speakDate(facts.findingsExpected, lang)) });
  if (speaker.website) pieces.push({ text: w.website(speakWebsite(speaker.website)) });
  if (speaker.phone) {
    const hours = speaker.hours ? speakHours(speaker.hours, lang) : undefined;
    const digits = speakPhone(speaker.phone, lang);
    pieces.push({ text: speaker.isHotline ? w.hotline(digits, hours) : w.phone(digits) });
  }
  pieces.push({ text: w.stand(speakDateTime(facts.updated, lang)) }, { text: w.closing });
  return pieces;
}

/** The candidates, richest first; 0.5 only drops a customer's source link (customer-pieces.ts). */
const STEPS = [0, 0.5, 1, 2, 3, 4, 5, 6];

function assemble(pieces: readonly Piece[], k: number): string {
  return pieces
    .filter((p) => (p.from ?? 0) <= k && k < (p.until ?? Infinity))
    .map((p) => p.text)
    .join(' ');
}

/**
 * Builds one notice in the speaker's voice: the override when the file has one, else the
 * richest built-in wording that fits (services, next date, Stand and the second contact are left
 * out, one after the other, before anything is too long). Too long even so: `problem` says at
 * which field.
 */
export function buildNotice(
  kind: NoticeKind,
  facts: NoticeFacts,
  speaker: Speaker,
  override: NoticeOverride = { segments: 1 },
): Notice {
  if (override.text !== undefined) {
    const counts = countNotice(kind, override.text, override.segments);
    const over = firstExceeded(counts);
    const notice: Notice = { kind, text: override.text, counts, isOverride: true };
    if (!over) return notice;
    const hint =
      kind === 'sms'
        ? `shorten the text, or allow more parts with notices.sms.segments`
        : 'shorten the text';
    return {
      ...notice,
      problem: {
        path: override.textPath ?? ['notices', kind, 'text'],
        message: describe(kind, over),
        hint,
      },
    };
  }
  const pieces =
    kind === 'phone' ? spokenPieces(facts, speaker) : writtenPieces(kind, facts, speaker);
  let text = '';
  let counts: NoticeCount[] = [];
  for (const k of STEPS) {
    text = assemble(pieces, k);
    counts = countNotice(kind, text, override.segments);
    if (!firstExceeded(counts)) return { kind, text, counts, isOverride: false };
  }
  const over = firstExceeded(counts)!;
  return { kind, text, counts, isOverride: false, problem: blame(kind, speaker, over, override) };
}

function describe(kind: NoticeKind, c: NoticeCount): string {
  return `${kind}: ${c.count} of ${c.limit} ${c.unit}`;
}

/** The field that made the shortest built-in wording too long: a non-GSM character's, else the longest. */
function blame(
  kind: NoticeKind,
  speaker: Speaker,
  over: NoticeCount,
  override: NoticeOverride,
): NonNullable<Notice['problem']> {
  const of = speaker.customerOf;
  const fields: {
    value: string;
    path?: FieldPath | undefined;
    shortPath?: FieldPath | undefined;
  }[] = [
    { value: speaker.name, path: speaker.namePath, shortPath: speaker.shortNamePath },
    { value: speaker.website ?? '', path: speaker.websitePath },
    { value: speaker.phone ?? '', path: speaker.phonePath },
    // A customer's notice names its provider too: a long provider name can be the cause.
    { value: of?.provider ?? '', path: of?.providerPath, shortPath: of?.providerShortPath },
  ].filter((f) => f.value !== '' && f.path);
  const ucs2 = over.encoding === 'UCS-2' ? fields.find((f) => !isGsm7(f.value)) : undefined;
  const field = ucs2 ?? [...fields].sort((a, b) => b.value.length - a.value.length)[0] ?? fields[0];
  const fixes: string[] = [];
  if (field?.shortPath) fixes.push(`a shorter name for notices in ${field.shortPath.join('.')}`);
  else if (field) fixes.push(`a shorter ${field.path!.join('.')}`);
  if (ucs2)
    fixes.unshift(
      `"${[...ucs2.value].find((ch) => !isGsm7(ch))}" is no GSM-7 character and makes the SMS UCS-2 (70 characters)`,
    );
  if (kind === 'sms') fixes.push(`more parts with notices.sms.segments: ${override.segments + 1}`);
  // A customer's notices are built-in only: the file's own texts are the organisation's.
  if (!of) fixes.push(`or your own text in notices.${kind}.text`);
  return {
    path: (field?.path ?? speaker.namePath) as FieldPath,
    message: `${describe(kind, over)}, even in the shortest built-in wording`,
    hint: fixes.join('; '),
  };
}
