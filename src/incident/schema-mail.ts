import { z } from 'zod';
import { email, text } from './fields.js';

/** Addresses that get a copy of one recipient's e-mail (`cc`: shown, `bcc`: only in the envelope). */
const copies = (what: string) =>
  z
    .array(email)
    .max(20)
    .optional()
    .meta({ description: `${what} Each copy goes in the same message as the recipient's.` });

/** `cc` and `bcc` of one recipient (email.recipients[], customers[]). */
export const copyFields = {
  cc: copies("Addresses shown as copies (Cc) of this recipient's e-mail."),
  bcc: copies("Hidden copies (Bcc) of this recipient's e-mail: in the envelope, not the header."),
};

/** `email.reply_to`: where replies go, when not to the sender. */
export const replyTo = z
  .strictObject({
    name: text.optional().meta({ description: 'Name for replies.' }),
    email: email.meta({ description: 'Address for replies.', examples: ['hotline@example.org'] }),
  })
  .optional()
  .meta({ description: 'Reply-To of the e-mail. Default: replies go to the sender.' });
