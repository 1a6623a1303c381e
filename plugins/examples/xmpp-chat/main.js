'use strict';
// xmpp-chat delivers Portico's messages (activation links, notices) as
// XMPP chat messages from a bot account, to any XMPP address.

const { serve } = require('@portico/plugin-sdk');
const { configSchema, parseConfig } = require('./lib/config');
const { Chat, limits } = require('./lib/chat');

serve({
  info: {
    id: 'xmpp-chat', name: 'XMPP chat', version: '0.1.0', kinds: ['notifier'], configSchema,
    notifier: { addressKinds: ['xmpp'], limits },
  },
  configure: ({ config, secrets }) => new Chat(parseConfig(config, secrets)),
});
