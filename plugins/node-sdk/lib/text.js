'use strict';
// Helpers for notification channels: plain text safe for a medium, and
// the length check against the limits declared in info.notifier.

const { PluginError, ErrorKind } = require('./errors');

// Control characters except LF, the invisible bidi controls that can
// disguise a link, and the byte-order mark.
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * plainText drops control characters (terminal escapes, bells, NULs) and
 * bidi controls, turns tabs into spaces and CR LF into LF. Markup stays as
 * text: escaping it is the medium's job.
 */
function plainText(s) {
  return String(s ?? '').replace(/\r\n/g, '\n').replace(/\t/g, ' ').replace(UNSAFE, '').toWellFormed();
}

/** checkLength refuses text longer than limits.maxChars code points. */
function checkLength(limits, text) {
  const chars = [...text].length;
  if (limits.maxChars > 0 && chars > limits.maxChars) {
    throw new PluginError(ErrorKind.TOO_LONG, `the message has ${chars} characters; this channel takes at most ${limits.maxChars}`);
  }
  return { chars, segments: text ? 1 : 0 };
}

module.exports = { plainText, checkLength };
