import { DATA_CONTENT_TYPE } from './cloud-event-headers';
import { PUBLIC_EVENTS, PublicEventDefinition } from './public-events';
import type { JsonSchema } from './schemas/schema-fragments';
import type { TopicKind } from './topics';

/** The channels of the AsyncAPI document: one per kind of topic, with the ids in the address as parameters. */
const CHANNELS: Record<TopicKind, { address: string; title: string; description: string; key: string }> = {
  hub: {
    address: 'onedoor.{consortiumId}.hub',
    title: 'Consortium-wide topic',
    description: 'Every public event of the consortium, for the hub. Carries no personal data: ids, codes and dates only.',
    key: 'The referral id (the person id on person.erased), so each referral stays in order on one partition.',
  },
  partner: {
    address: 'onedoor.{consortiumId}.partner.{partnerId}',
    title: "One partner's referral events",
    description:
      'Events about the referrals this partner sent or received, from the event that made it a party to the one that moved the referral away. ' +
      'The `personal` field is present only while the person’s consent covers this partner; erasure sends person.erased.',
    key: 'The referral id (the person id on person.erased).',
  },
  partnerPeople: {
    address: 'onedoor.{consortiumId}.partner.{partnerId}.people',
    title: "One partner's view of people (compacted)",
    description: 'Keyed by person id, meant for log compaction: the latest details this partner may see; a tombstone (null value) when it may no longer (consent withdrawn or lapsed, or erasure).',
    key: 'The person id.',
  },
};

const PARAMETERS = {
  consortiumId: { description: 'The consortium this deployment serves (CONSORTIUM_ID).' },
  partnerId: { description: 'The partner the topic is for.' },
};

const TOMBSTONE = 'org.onedoor.person.details.v1.tombstone';

/** The CloudEvents Kafka binary-mode headers every message carries. */
const cloudEventHeaders: JsonSchema = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'ce_position'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'The source event id (on per-person topics, `<event id>:details` or `<event id>:forget`): dedupe on it.' },
    ce_source: { type: 'string', description: 'urn:onedoor:consortium:<consortiumId>' },
    ce_type: { type: 'string', description: 'The versioned public event type, e.g. org.onedoor.referral.accepted.v1' },
    ce_subject: { type: 'string', description: 'The referral id, or the person id for person events.' },
    ce_time: { type: 'string', format: 'date-time', description: 'When it happened.' },
    ce_position: { type: 'string', pattern: '^[0-9]+$', description: 'Extension: the global log position of the source event; the pull feed cursor.' },
    'content-type': { type: 'string', const: DATA_CONTENT_TYPE, description: 'Absent on tombstones.' },
  },
};

const withoutIds = ({ $id, $schema, ...schema }: JsonSchema) => schema;

/** AsyncAPI 3.0 description of every topic, message and payload schema, built from the same definitions the router uses. */
export function asyncApiDocument(version = '1.0.0'): Record<string, unknown> {
  const messagesOf = (kind: TopicKind) => PUBLIC_EVENTS.filter((e) => e.topics.includes(kind)).map((e) => e.type).concat(kind === 'partnerPeople' ? [TOMBSTONE] : []);
  const message = (e: PublicEventDefinition) => ({
    name: e.type,
    title: e.type,
    summary: e.summary,
    contentType: DATA_CONTENT_TYPE,
    headers: { $ref: '#/components/schemas/CloudEventKafkaHeaders' },
    payload: { $ref: `#/components/schemas/${e.type}` },
  });
  const channels = Object.fromEntries(
    (Object.keys(CHANNELS) as TopicKind[]).map((kind) => {
      const { key, ...channel } = CHANNELS[kind];
      const parameters = Object.fromEntries(Object.entries(PARAMETERS).filter(([name]) => channel.address.includes(`{${name}}`)));
      return [kind, { ...channel, parameters, messages: Object.fromEntries(messagesOf(kind).map((type) => [type, { $ref: `#/components/messages/${type}` }])), bindings: { kafka: { bindingVersion: '0.5.0' } } }];
    }),
  );
  const operations = Object.fromEntries(
    (Object.keys(CHANNELS) as TopicKind[]).map((kind) => [
      `receive-${kind}`,
      { action: 'receive', channel: { $ref: `#/channels/${kind}` }, summary: CHANNELS[kind].title, messages: messagesOf(kind).map((type) => ({ $ref: `#/channels/${kind}/messages/${type}` })) },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'OneDoor partner streams',
      version,
      description:
        'CloudEvents 1.0 in Kafka binary mode (ce_* headers, JSON body). The same messages, in the same order, are served by the pull feed ' +
        '(GET /partners/{partnerId}/events) and delivered by signed webhooks. Delivery is at least once: dedupe on ce_id.',
    },
    defaultContentType: DATA_CONTENT_TYPE,
    channels,
    operations,
    components: {
      schemas: {
        CloudEventKafkaHeaders: cloudEventHeaders,
        ...Object.fromEntries(PUBLIC_EVENTS.map((e) => [e.type, withoutIds(e.schema)])),
        [TOMBSTONE]: { type: 'null', description: 'A tombstone: forget this person (the record key).' },
      },
      messages: {
        ...Object.fromEntries(PUBLIC_EVENTS.map((e) => [e.type, message(e)])),
        [TOMBSTONE]: {
          name: TOMBSTONE,
          title: 'Forget this person',
          summary: 'A null value under the person id: compaction removes their details; delete yours.',
          headers: { $ref: '#/components/schemas/CloudEventKafkaHeaders' },
          payload: { $ref: `#/components/schemas/${TOMBSTONE}` },
        },
      },
    },
  };
}
