import { z } from 'zod';
import { count, localizedText } from './fields.js';

// `notices:` — the short notices' own texts, each replacing the built-in wording of its
// variant (sms, social, banner, phone). A text is plain text used as written: no Markdown, no
// placeholders; it is counted by its variant's rules (docs/outputs.md, "Short notices").

const own = (what: string) =>
  localizedText(`${what} Used as written, instead of the built-in wording; counted by its rules.`);

/** The most SMS parts a notice may take (a concatenated SMS of 10 parts is 1,530 characters). */
export const MAX_SMS_SEGMENTS = 10;

export const notices = z
  .strictObject({
    sms: z
      .strictObject({
        text: own('The SMS.').optional(),
        segments: count(MAX_SMS_SEGMENTS).default(1).meta({
          description:
            'How many SMS parts the text may take: 1 is 160 GSM-7 characters (70 with a character outside GSM-7), more are 153 (67) each. Default: 1.',
        }),
      })
      .prefault({})
      .meta({ description: 'The SMS (sms.<lang>.txt).' }),
    social: z
      .strictObject({ text: own('The social media post (X, Bluesky, Mastodon).').optional() })
      .prefault({})
      .meta({ description: 'The social media post (social.<lang>.txt).' }),
    banner: z
      .strictObject({
        text: own('The website banner: one or two sentences and a link.').optional(),
      })
      .prefault({})
      .meta({ description: 'The website banner (banner.<lang>.html and .txt).' }),
    phone: z
      .strictObject({ text: own('The hotline announcement, written to be spoken.').optional() })
      .prefault({})
      .meta({ description: 'The hotline announcement (phone.<lang>.txt).' }),
  })
  .prefault({})
  .meta({ description: 'Short notices: your own text instead of the built-in wording.' });
