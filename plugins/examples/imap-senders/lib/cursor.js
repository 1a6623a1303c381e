'use strict';
// The import cursor is the mailbox's UIDVALIDITY and the last UID read.
// UIDs only grow within one UIDVALIDITY, so "UIDs after the last" is
// exactly what is left, on any connection; a new UIDVALIDITY means the
// mailbox was rebuilt and the cursor no longer says anything.

const { PluginError, ErrorKind } = require('@portico/plugin-sdk');

function format(validity, lastUid) {
  return `${validity}:${lastUid}`;
}

function parse(cursor) {
  if (!cursor) return null;
  const m = /^(\d+):(\d+)$/.exec(cursor);
  if (!m) throw new PluginError(ErrorKind.INVALID_CURSOR, `cursor "${cursor}" is not UIDVALIDITY:UID`);
  return { validity: m[1], lastUid: Number(m[2]) };
}

module.exports = { format, parse };
