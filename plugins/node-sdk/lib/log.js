'use strict';
// Logging as the host expects it: one hclog JSON object per line on stderr.
// stdout belongs to the handshake and must stay silent.

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];

// go-plugin parses @timestamp with six fractional digits; toISOString()
// gives three, and a line that fails the parse loses its level.
function timestamp(d = new Date()) {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function write(level, message, fields) {
  const line = { '@level': level, '@message': String(message), '@timestamp': timestamp(), ...fields };
  process.stderr.write(JSON.stringify(line) + '\n');
}

/** A logger whose methods take a message and an optional object of fields. */
function createLogger(name) {
  const log = {};
  for (const level of LEVELS) {
    log[level] = (message, fields = {}) => write(level, message, { '@module': name, ...fields });
  }
  return log;
}

module.exports = { createLogger, timestamp };
