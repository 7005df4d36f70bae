import { InMemoryPersonKeyStore, PersonalDataVault } from '@onedoor/personal-data';
import {
  ConsortiumRoster,
  DirectoryProjection,
  InMemoryDirectoryReadModel,
  OutcomesProjections,
  PersonRegister,
  Projection,
  ReferralBook,
  ServiceCatalogue,
} from '@onedoor/projections';

/** What a replay leaves behind: the projection, and a few numbers that say what it now holds. */
export interface ReplayableProjection<P extends Projection = Projection> {
  name: string;
  description: string;
  create(): P;
  summarise(projection: P): Promise<Record<string, number | string>>;
}

/**
 * A vault with no keys: analysts' tools never open personal data. Projections that hold sealed fields keep
 * them sealed, and nothing here can read them.
 */
export const keylessVault = () => new PersonalDataVault(new InMemoryPersonKeyStore());

const replayable = <P extends Projection>(p: ReplayableProjection<P>) => p as unknown as ReplayableProjection;

export const REPLAYABLE_PROJECTIONS: ReplayableProjection[] = [
  replayable({
    name: 'consortium-roster',
    description: 'the consortium and its partners',
    create: () => new ConsortiumRoster(),
    summarise: async (roster) => ({ partners: roster.partners().length, formerPartners: roster.partners({ includeFormer: true }).length - roster.partners().length }),
  }),
  replayable({
    name: 'service-catalogue',
    description: "partners' services as the front door sees them",
    create: () => new ServiceCatalogue(),
    summarise: async (catalogue) => ({ services: catalogue.services().length, active: catalogue.services({ status: 'active' }).length }),
  }),
  replayable({
    name: 'directory',
    description: 'the shared service directory (Open Referral) with its search index',
    create: () => new DirectoryProjection(new InMemoryDirectoryReadModel()),
    summarise: async (directory) => ({
      organizations: (await directory.readModel.organizations()).length,
      services: (await directory.readModel.services()).length,
      locations: (await directory.readModel.locations()).length,
    }),
  }),
  replayable({
    name: 'person-register',
    description: 'registered people and their consents (details stay sealed)',
    create: () => new PersonRegister(keylessVault()),
    summarise: async (register) => ({ erasedPeople: register.erasedPersonIds().length }),
  }),
  replayable({
    name: 'referral-book',
    description: 'every referral with its history and interactions',
    create: () => new ReferralBook(keylessVault()),
    summarise: async (book) => {
      const all = book.all();
      const byStatus: Record<string, number> = {};
      for (const r of all) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      return { referrals: all.length, ...Object.fromEntries(Object.entries(byStatus).sort().map(([status, n]) => [`status ${status}`, n])) };
    },
  }),
  replayable({
    name: 'outcomes',
    description: 'contracts, milestones, claims, delivery, funnel and waits (payment by results)',
    create: () => new OutcomesProjections(),
    summarise: async (outcomes) => {
      const view = outcomes.view(new Date().toISOString());
      const claims = view.claimsLedger();
      const funnel = view.funnel().total;
      return {
        contracts: view.contracts().length,
        participants: outcomes.histories.participantIds().length,
        'milestones attained': view.attainments().length,
        'net claims (£)': (claims.reduce((sum, c) => sum + c.totals.netPence, 0) / 100).toFixed(2),
        'referrals received': funnel.received,
        'referrals completed': funnel.completed,
      };
    },
  }),
];

export function replayableProjection(name: string): ReplayableProjection | undefined {
  return REPLAYABLE_PROJECTIONS.find((p) => p.name === name);
}
