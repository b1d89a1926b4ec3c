import type { Migration } from '../migration';

/**
 * What a support message is, in a column of its own: a text someone wrote
 * ('message') or an event of the case (the operator took, transferred,
 * closed or reopened it; the shop closed it; it closed itself after 7 days
 * without a reply). Until now events were told apart by magic bodies; those
 * rows move to their kind with an empty body.
 */
export const supportMessageKind: Migration = {
  version: 90,
  name: 'support-message-kind',
  up(db) {
    db.exec(`
      ALTER TABLE support_messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'message'
        CHECK (kind IN ('message', 'taken', 'transferred', 'closed', 'reopened', 'closed-by-shop', 'auto-closed'));
      UPDATE support_messages SET kind = body, body = ''
        WHERE (author = 'system' AND body IN ('closed-by-shop', 'auto-closed'))
           OR (author = 'operator' AND body IN ('taken', 'transferred', 'closed', 'reopened'));
      -- An operator's answer without text was stored as the word 'answered': it is a message with no text.
      UPDATE support_messages SET body = '' WHERE author = 'operator' AND body = 'answered';
    `);
  },
};
