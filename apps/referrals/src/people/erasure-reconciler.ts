import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PersonalDataVault } from '@onedoor/personal-data';
import { IDEMPOTENCY_WINDOW_MS, IdempotencyStore } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';

/** An erasure is committed before the key is destroyed; if the process died in between, finish it at start. */
@Injectable()
export class ErasureReconciler implements OnApplicationBootstrap {
  constructor(private readonly register: PersonRegister, private readonly vault: PersonalDataVault, private readonly idempotency: IdempotencyStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.idempotency.expireOlderThan(new Date(Date.now() - IDEMPOTENCY_WINDOW_MS));
    for (const personId of this.register.erasedPersonIds()) {
      // Asked of the key store itself: with several instances this one may already have dropped the key it
      // cached on reading the erasure, while the row the erasing instance meant to delete is still stored.
      if (await this.vault.isKeyStored(personId)) {
        await this.vault.shred(personId);
        await this.idempotency.forgetPerson(personId);
      }
    }
  }
}
