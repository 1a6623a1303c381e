'use strict';
// hello-node is the smallest useful Portico importer in Node: it makes up a
// number of companies and contacts, in batches with a resumable cursor. It
// is the Node twin of hello-go; copy it to start a new plugin.

const { serve, PluginError, ErrorKind } = require('@portico/plugin-sdk');

const configSchema = {
  type: 'object',
  properties: { count: { type: 'integer', minimum: 0 }, domain: { type: 'string' } },
  additionalProperties: false,
};

serve({
  info: { id: 'hello-node', name: 'Hello (Node)', version: '0.1.0', kinds: ['importer'], configSchema },
  configure: ({ config }) => {
    const { count = 1000, domain = 'example.com', ...rest } = config;
    const unknown = Object.keys(rest);
    if (unknown.length) throw new PluginError(ErrorKind.INVALID_CONFIG, `unknown setting "${unknown[0]}"`);
    if (!Number.isInteger(count) || count < 0) {
      throw new PluginError(ErrorKind.INVALID_CONFIG, `count must be a non-negative integer, got ${count}`);
    }
    return generator(count, domain);
  },
});

function generator(count, domain) {
  return {
    checkHealth: () => `Ready to generate ${count} records at ${domain}`,
    // import resumes at the index the cursor holds.
    async import({ cursor, batchSize }, send, { signal }) {
      let next = cursor ? Number(cursor) : 0;
      if (!Number.isInteger(next) || next < 0) {
        throw new PluginError(ErrorKind.INVALID_CURSOR, `cursor "${cursor}" is not a record index`);
      }
      const size = batchSize > 0 && batchSize <= 1000 ? batchSize : 500;
      while (next < count && !signal.aborted) {
        const end = Math.min(next + size, count);
        const records = [];
        for (let i = next; i < end; i++) records.push(record(i, domain));
        next = end;
        await send({ records, cursor: String(next), progress: { done: next, total: count } });
      }
    },
  };
}

function record(i, domain) {
  const company = `company-${Math.floor(i / 10)}`;
  if (i % 10 === 0) {
    const n = i / 10;
    return { company: { externalId: company, name: `Company ${n}`, domains: [`c${n}.${domain}`] } };
  }
  return { contact: { externalId: `contact-${i}`, name: `Person ${i}`, emails: [`person${i}@${domain}`],
    companyExternalId: company, tags: ['hello'] } };
}
