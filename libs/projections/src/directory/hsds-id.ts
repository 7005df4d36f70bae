import { hash } from 'node:crypto';

/**
 * A name-based UUID (RFC 4122 version 5: SHA-1 of the namespace and the name). The same namespace and
 * name always give the same UUID, so a rebuild from the log hands out exactly the ids it did before.
 */
const namespaceBytes = new Map<string, Buffer>();

export function uuidV5(namespace: string, name: string): string {
  let bytesOfNamespace = namespaceBytes.get(namespace);
  if (!bytesOfNamespace) namespaceBytes.set(namespace, (bytesOfNamespace = Buffer.from(namespace.replace(/-/g, ''), 'hex')));
  // One-shot hash: a rebuild derives tens of thousands of ids, and createHash's object costs as much as the SHA-1.
  const bytes = hash('sha1', Buffer.concat([bytesOfNamespace, Buffer.from(name, 'utf8')]), 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** RFC 4122's namespace for names that are URLs or URNs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** The root of every OneDoor HSDS id; a consortium's directory derives its own namespace from it. */
export const ONEDOOR_HSDS_NAMESPACE = uuidV5(URL_NAMESPACE, 'urn:onedoor:hsds');

/**
 * The HSDS ids of one consortium's directory. HSDS wants UUIDs and ours are slugs (`job-club`), so each is
 * derived from the consortium's namespace and our own id: stable across rebuilds, distinct between
 * consortia (two consortia's `job-club` stay apart when an aggregator merges their feeds).
 */
export class HsdsIds {
  readonly namespace: string;
  /** Each id is a SHA-1; a rebuild asks for the same few again at every change of a service, so they are remembered. */
  private readonly known = new Map<string, string>();

  constructor(consortiumId: string | undefined) {
    // A service cannot be listed before its consortium is formed; without one, ids still come out stable.
    this.namespace = consortiumId === undefined ? ONEDOOR_HSDS_NAMESPACE : uuidV5(ONEDOOR_HSDS_NAMESPACE, `consortium/${consortiumId}`);
  }

  organization = (partnerId: string) => this.id('organization', partnerId);
  service = (serviceId: string) => this.id('service', serviceId);
  serviceCapacity = (serviceId: string) => this.id('service_capacity', serviceId);
  capacityUnit = (unit: string) => this.id('unit', unit);
  serviceArea = (serviceId: string, locality: string) => this.id('service_area', `${serviceId}/${locality}`);
  location = (postcodeDistrict: string) => this.id('location', postcodeDistrict);
  serviceAtLocation = (serviceId: string, postcodeDistrict: string) => this.id('service_at_location', `${serviceId}/${postcodeDistrict}`);
  taxonomy = (taxonomy: string) => this.id('taxonomy', taxonomy);
  taxonomyTerm = (taxonomy: string, code: string) => this.id('taxonomy_term', `${taxonomy}/${code}`);
  attribute = (serviceId: string, taxonomy: string, code: string) => this.id('attribute', `${serviceId}/${taxonomy}/${code}`);

  private id(kind: string, key: string): string {
    const name = `${kind}/${key}`;
    let id = this.known.get(name);
    if (id === undefined) {
      id = uuidV5(this.namespace, name);
      this.known.set(name, id);
    }
    return id;
  }
}
