'use strict';
// imap-senders imports the people who wrote to a mailbox (a support inbox,
// say) as contacts, read over IMAP, and their companies from their
// address's domain, leaving out public mail providers such as gmail.com.
// It only reads: it never changes or deletes a message.

const { serve } = require('@portico/plugin-sdk');
const { configSchema, parseConfig } = require('./lib/config');
const { Mailbox } = require('./lib/mailbox');

serve({
  info: { id: 'imap-senders', name: 'IMAP mailbox senders', version: '0.1.0', kinds: ['importer'], configSchema },
  configure: ({ config, secrets }) => new Mailbox(parseConfig(config, secrets)),
});
