/**
 * Kafka topic names of the partner streams. Ids are already limited to letters, digits, `_` and `-`
 * (see libs/platform/src/http/new-id.ts), all legal in topic names, so they are used as they are.
 *
 * - `onedoor.<consortiumId>.hub`: the consortium-wide topic: every public event, no personal data.
 * - `onedoor.<consortiumId>.partner.<partnerId>`: one partner's referral events (those it sent or received),
 *   with personal fields only where the person's consent covers that partner; keyed by referral id.
 * - `onedoor.<consortiumId>.partner.<partnerId>.people`: keyed by person id, meant to be compacted: the latest
 *   details of each person that partner may see; a tombstone (null value) when it no longer may.
 */
export const topics = {
  hub: (consortiumId: string) => `onedoor.${consortiumId}.hub`,
  partner: (consortiumId: string, partnerId: string) => `onedoor.${consortiumId}.partner.${partnerId}`,
  partnerPeople: (consortiumId: string, partnerId: string) => `onedoor.${consortiumId}.partner.${partnerId}.people`,
};

/** The kinds of topic, as the AsyncAPI document names its channels. */
export type TopicKind = keyof typeof topics;

/** Topics a partner's consumers read: its referral events and its per-person details. */
export function topicsOfPartner(consortiumId: string, partnerId: string): string[] {
  return [topics.partner(consortiumId, partnerId), topics.partnerPeople(consortiumId, partnerId)];
}
