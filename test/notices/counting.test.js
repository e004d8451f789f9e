// The counting rules of the short notices, against the published rules: GSM 03.38 (7-bit default
// alphabet and extension table, 160/153; UCS-2 70/67), twitter-text configuration v3 (X: 280
// weighted, URLs 23, NFC), Bluesky (300 graphemes) and Mastodon (500, URLs 23).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSms, smsCapacity } from '../../lib/notices/sms-count.js';
import {
  EMOJI_SOURCE,
  MAY_BE_EMOJI,
  SINGLE_GRAPHEMES,
  countBluesky,
  countGraphemes,
  countMastodon,
  countX,
  findUrls,
} from '../../lib/notices/social-count.js';
import { countNotice, countWords } from '../../lib/notices/limits.js';

const a = (n) => 'a'.repeat(n);

test('GSM-7: German umlauts and ß are 7-bit; 160 in one part, 161 in two (153 each)', () => {
  assert.deepEqual(countSms('Störung: Bürgerbüro geschlossen, Straße gesperrt.'), {
    encoding: 'GSM-7',
    units: 49,
    parts: 1,
  });
  assert.deepEqual(countSms(a(160)), { encoding: 'GSM-7', units: 160, parts: 1 });
  assert.deepEqual(countSms(a(161)), { encoding: 'GSM-7', units: 161, parts: 2 });
  assert.equal(countSms(a(306)).parts, 2);
  assert.equal(countSms(a(307)).parts, 3);
  assert.equal(smsCapacity('GSM-7', 1), 160);
  assert.equal(smsCapacity('GSM-7', 3), 459);
});

test('GSM-7: € [ ] { } \\ ^ ~ | and form feed count 2 (escape + character); an escape pair is never split', () => {
  for (const ch of ['€', '[', ']', '{', '}', '\\', '^', '~', '|', '\f'])
    assert.deepEqual(countSms(ch), { encoding: 'GSM-7', units: 2, parts: 1 }, JSON.stringify(ch));
  assert.deepEqual(countSms('€'.repeat(80)), { encoding: 'GSM-7', units: 160, parts: 1 });
  assert.deepEqual(countSms(`${a(159)}€`), { encoding: 'GSM-7', units: 161, parts: 2 });
  // 306 septets fit two parts only when no pair straddles the 153rd septet: here one does.
  assert.deepEqual(countSms(`${a(152)}€${a(152)}`), { encoding: 'GSM-7', units: 306, parts: 3 });
  assert.deepEqual(countSms(`${a(151)}€${a(153)}`), { encoding: 'GSM-7', units: 306, parts: 2 });
});

test('UCS-2: one "ć" or one emoji switches the whole text; 70 in one part, 67 per part', () => {
  assert.deepEqual(countSms(`${a(69)}ć`), { encoding: 'UCS-2', units: 70, parts: 1 });
  assert.deepEqual(countSms(`${a(70)}ć`), { encoding: 'UCS-2', units: 71, parts: 2 });
  // An emoji outside the BMP is a surrogate pair: two UCS-2 units.
  assert.deepEqual(countSms(`${a(68)}😀`), { encoding: 'UCS-2', units: 70, parts: 1 });
  assert.deepEqual(countSms(`${a(69)}😀`), { encoding: 'UCS-2', units: 71, parts: 2 });
  assert.equal(countSms(`ć${a(133)}`).parts, 2);
  assert.equal(countSms(`ć${a(134)}`).parts, 3);
  // A surrogate pair is not split between parts: 66 + 2 does not fit 67.
  assert.equal(countSms(`${a(66)}😀${a(66)}`).parts, 3);
  assert.equal(countSms('„Zitat“').encoding, 'UCS-2', 'typographic quotes are not GSM-7');
  assert.equal(countSms('–').encoding, 'UCS-2', 'the en dash is not GSM-7');
});

test('the sms count names its encoding and parts, and fits by parts', () => {
  const [over] = countNotice('sms', a(161));
  assert.equal(over.fits, false);
  assert.equal(
    `${over.count} of ${over.limit} ${over.unit}`,
    '161 of 160 characters (GSM-7, 1 part; needs 2)',
  );
  const [two] = countNotice('sms', a(161), 2);
  assert.equal(two.fits, true);
  assert.equal(
    `${two.count} of ${two.limit} ${two.unit}`,
    '161 of 306 characters (GSM-7, 2 parts)',
  );
  const [ucs] = countNotice('sms', `${a(70)}ć`);
  assert.equal(
    `${ucs.count} of ${ucs.limit} ${ucs.unit}`,
    '71 of 70 characters (UCS-2, 1 part; needs 2)',
  );
});

test('X: a URL counts 23 whatever its length, with or without scheme; trailing punctuation is no part of it', () => {
  const long = `https://www.example.org/${a(100)}`;
  assert.equal(countX(long), 23);
  assert.equal(countX('https://a.de'), 23);
  assert.equal(countX(`Infos: ${long}.`), 'Infos: '.length + 23 + 1);
  assert.equal(countX('Infos unter regioit.de/stoerung'), 'Infos unter '.length + 23);
  assert.equal(countX('z.B. 5 km'), 9, 'an abbreviation is no domain');
  assert.deepEqual(findUrls('see https://x.org/a).', false), [[4, 19]]);
  assert.equal(countX(`${a(257)} https://www.regioit.de/eine/lange/seite`), 281);
  assert.equal(countX(`${a(256)} https://www.regioit.de/eine/lange/seite`), 280);
});

test('X: weights of config v3 — Latin 1, CJK 2, an emoji sequence 2, typographic punctuation 1; NFC first', () => {
  assert.equal(countX('Störung'), 7);
  assert.equal(countX('日本語'), 6);
  assert.equal(countX('👍'), 2);
  assert.equal(countX('👍🏽'), 2, 'an emoji with skin tone is one emoji');
  assert.equal(countX('👨‍👩‍👧'), 2, 'a ZWJ family is one emoji');
  assert.equal(countX('„Zitat“ –'), 9, 'U+201E, U+201C, U+2013 are in the ranges of weight 1');
  assert.equal(countX('…'), 2, 'U+2026 is not: it counts 2');
  assert.equal(countX('e\u0301'), 1, 'e + combining acute is é after NFC');
  assert.equal(countX('\u2603'), 2, 'U+2603 (outside the ranges, no emoji without VS16) counts 2');
});

test('Bluesky: graphemes, so a skin-toned emoji, a ZWJ family and a combining accent are one each', () => {
  assert.equal(countBluesky('👍🏽'), 1);
  assert.equal(countBluesky('👨‍👩‍👧'), 1);
  assert.equal(countBluesky('q\u0301'), 1);
  assert.equal(countBluesky('🇩🇪'), 1);
  assert.equal(countBluesky(`${a(299)}👍🏽`), 300);
  const [, bluesky] = countNotice('social', `${a(299)}👍🏽`);
  assert.equal(bluesky.fits, true);
  const [, over] = countNotice('social', `${a(300)}👍🏽`);
  assert.equal(over.fits, false);
});

// The counts skip Intl.Segmenter and the emoji expression when a text cannot need them (both are
// slow to create): these check the shortcuts against the full answers.
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const fullCount = (text) => [...segmenter.segment(text)].length;
const singles = [];
for (let c = 0; c <= 0xffff; c++) {
  const ch = String.fromCharCode(c);
  if (SINGLE_GRAPHEMES.test(ch)) singles.push(ch);
}

test('every character the grapheme shortcut takes is a grapheme of its own next to any of them', () => {
  assert.ok(singles.length > 200 && singles.includes('ä') && singles.includes('„'));
  assert.ok(!SINGLE_GRAPHEMES.test('\r\n') && !SINGLE_GRAPHEMES.test('e\u0301'));
  // Unicode breaks between two graphemes unless the second extends the first (Extend, ZWJ,
  // SpacingMark), the first is Prepend, or both pair (CR LF, Hangul, regional indicators): each
  // character alone, after and before a letter and doubled shows all of these.
  for (const ch of singles)
    for (const text of [ch, `a${ch}`, `${ch}a`, `${ch}${ch}`, `${ch}\n${ch}`])
      assert.equal(fullCount(text), text.length, JSON.stringify(text));
  const text = singles.join('');
  assert.equal(countGraphemes(text), fullCount(text));
  assert.equal(countGraphemes('e\u0301\r\n👍🏽'), 3, 'the rest is counted by Intl.Segmenter');
});

test('no emoji is missed by the check that skips the emoji expression', () => {
  const emoji = new RegExp(EMOJI_SOURCE, 'v');
  // An emoji sequence is made of emoji and emoji components (UTS #51): each such code point (all
  // in planes 0 and 1, and the tags) that the check lets pass is no emoji alone; a sequence has
  // an emoji outside ASCII (the check finds it) unless it is a keycap (FE0F 20E3, found too).
  const parts = /^[\p{Emoji}\p{Emoji_Component}]$/u;
  let found = 0;
  for (
    let c = 0;
    c <= 0x1ffff || (c >= 0xe0000 && c <= 0xe007f);
    c = c === 0x1ffff ? 0xe0000 : c + 1
  ) {
    const ch = String.fromCodePoint(c);
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (!parts.test(ch)) continue;
    if (emoji.test(ch)) found += 1;
    assert.ok(MAY_BE_EMOJI.test(ch) || !emoji.test(ch), `U+${c.toString(16)}`);
  }
  assert.ok(found > 1000, 'every single emoji was tested');
  for (const seq of ['1\ufe0f\u20e3', '#\ufe0f\u20e3', '\u00a9\ufe0f', '🇩🇪', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👨‍👩‍👧', '👍🏽']) {
    assert.ok(emoji.test(seq) && MAY_BE_EMOJI.test(seq), JSON.stringify(seq));
    assert.equal(countX(seq), 2, JSON.stringify(seq));
  }
  assert.equal(countX('\u00a9'), 1, '© without VS16 is no emoji (and in the range of weight 1)');
});

test('Mastodon: graphemes, each http(s) URL 23; a name without scheme is text', () => {
  assert.equal(countMastodon(`Infos: https://www.example.org/${a(80)}`), 7 + 23);
  assert.equal(countMastodon('regioit.de'), 10);
  assert.equal(countMastodon('👍🏽 ok'), 4);
});

test('the phone text is counted in words: 150 for 60 seconds at 150 per minute', () => {
  assert.equal(countWords('Sie hören eine Ansage der regio iT. 0 2 4 1, 4 1'), 13);
  const [at] = countNotice('phone', Array(150).fill('Wort').join(' '));
  assert.equal(at.fits, true);
  const [over] = countNotice('phone', Array(151).fill('Wort').join(' '));
  assert.equal(over.fits, false);
});
