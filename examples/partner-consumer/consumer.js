// A partner organisation's consumer of its OneDoor topic, with nothing but kafkajs.
//
//   npm install kafkajs
//   KAFKA_BROKERS=127.0.0.1:9092 TOPIC=<your topic> GROUP_ID=<your org>-onedoor node consumer.js
//
// OneDoor delivers at least once: after a relay restart a few events can arrive again. Every record is a
// CloudEvent in Kafka binary mode (ce_* headers, JSON body), and ce_id is the event id, so skip ids you
// have already handled. Records are keyed by referral id: one referral's events arrive in order.
'use strict';
const { Kafka, logLevel } = require('kafkajs');

/** Remembers the ids of the events handled, the most recent `capacity` of them (enough to span a redelivery). */
class SeenEvents {
  constructor(capacity = 100_000) {
    this.capacity = capacity;
    this.ids = new Set();
  }
  has(id) {
    return this.ids.has(id);
  }
  add(id) {
    this.ids.add(id);
    // A Set iterates in insertion order: drop the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value);
  }
}

/** The CloudEvent in a Kafka record: attributes from the ce_* headers, data from the JSON value. */
function toCloudEvent(message) {
  const headers = {};
  for (const [name, value] of Object.entries(message.headers || {})) headers[name] = value === undefined ? undefined : String(value);
  const attributes = {};
  for (const [name, value] of Object.entries(headers)) if (name.startsWith('ce_')) attributes[name.slice(3)] = value;
  return {
    ...attributes,
    datacontenttype: headers['content-type'],
    key: message.key === null ? null : String(message.key),
    // A record with no value is a tombstone: a person was erased, forget what you keep under this key.
    tombstone: message.value === null,
    data: message.value === null ? null : JSON.parse(message.value.toString('utf8')),
  };
}

/**
 * Consumes `topic` from the beginning (the first time this group runs) and calls `onEvent(cloudEvent)`
 * once per event id; offsets are committed only after onEvent resolved, so a crash re-reads, never skips.
 * Resolves with the running consumer (call `disconnect()` to stop).
 */
async function consumePartnerEvents({ brokers, topic, groupId, onEvent, seen = new SeenEvents(), clientId = 'partner-consumer' }) {
  const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = toCloudEvent(message);
      if (!event.tombstone && event.id && seen.has(event.id)) return;
      await onEvent(event);
      if (event.id) seen.add(event.id);
    },
  });
  return consumer;
}

module.exports = { consumePartnerEvents, toCloudEvent, SeenEvents };

if (require.main === module) {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  const topic = process.env.TOPIC;
  const groupId = process.env.GROUP_ID || 'partner-consumer';
  if (!topic) {
    console.error('Set TOPIC to your organisation\'s OneDoor topic (and KAFKA_BROKERS, GROUP_ID).');
    process.exit(2);
  }
  consumePartnerEvents({
    brokers,
    topic,
    groupId,
    onEvent: (event) => {
      if (event.tombstone) console.log(JSON.stringify({ forget: event.key }));
      else console.log(JSON.stringify({ id: event.id, type: event.type, subject: event.subject, time: event.time, referral: event.key }));
    },
  }).then(
    (consumer) => {
      const stop = () => consumer.disconnect().finally(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
