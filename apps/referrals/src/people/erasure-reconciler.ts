import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PersonalDataVault } from '@onedoor/personal-data';
import { IDEMPOTENCY_WINDOW_MS, IdempotencyStore } from '@onedoor/platform';
import { PersonRegister } from '@onedoor/projections';

/** An erasure is committed before the key is destroyed; if the process died in between, finish it at start. */
@Injectable()
export class ErasureReconciler implements OnApplicationBootstrap {
  constructor(private readonly register: PersonRegister, private readonly vault: PersonalDataVault, private readonly idempotency: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.idempotency.expireOlderThan(new Date(Date.now() - IDEMPOTENCY_WINDOW_MS));
    for (const personId of this.register.erasedPersonIds()) {
      if (!this.vault.isErased(personId)) {
        this.vault.shred(personId);
        this.idempotency.forgetPerson(personId);
      }
    }
  }
}
