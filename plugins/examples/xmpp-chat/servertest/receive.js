'use strict';
// A second account for the tests: signs in as argv[2] with password
// argv[3] on argv[4] and prints each chat message's body as a JSON line.

const { client } = require('../node_modules/@xmpp/client');

const [jid, password, service] = process.argv.slice(2);
const [username, domain] = jid.split('@');
const xmpp = client({ service, domain, username, password, resource: 'test' });
xmpp.on('error', (e) => process.stderr.write(`${e}\n`));
xmpp.on('stanza', (s) => {
  if (s.is('message') && s.getChild('body')) {
    process.stdout.write(`${JSON.stringify({ from: s.attrs.from, id: s.attrs.id, body: s.getChildText('body') })}\n`);
  }
});
xmpp.on('online', async () => {
  await xmpp.send(require('../node_modules/@xmpp/client').xml('presence'));
  process.stdout.write('{"online":true}\n');
});
xmpp.start().catch((e) => { process.stderr.write(`${e}\n`); process.exit(1); });
