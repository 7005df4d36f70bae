/** Record that a person's consent reached its expiry, as of `at` (the platform clock when the process ran). */
export class RecordConsentExpiryCommand {
  constructor(readonly personId: string, readonly consentId: string, readonly at: string) {}
}
