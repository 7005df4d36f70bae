import { isConsentActive } from '@onedoor/domain';
import { ERASED } from '@onedoor/personal-data';
import { PersonRegister, PersonRecord } from '@onedoor/projections';

/** A person as a partner that may see them sees them; after erasure the details read as erased. */
export function personView(record: PersonRecord, register: PersonRegister, now: string) {
  const details = register.details(record.personId);
  return {
    personId: record.personId,
    registeredBy: record.registeredBy,
    registeredAt: record.registeredAt,
    version: record.version,
    erased: record.erasedAt !== undefined,
    ...(record.erasedAt ? { erasedAt: record.erasedAt } : {}),
    details: details === ERASED || details === undefined ? ERASED : details,
    consents: register.consents(record.personId).map((c) => ({ ...c, active: isConsentActive(c, now) })),
  };
}
