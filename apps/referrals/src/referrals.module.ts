import { Module } from '@nestjs/common';
import { AccessPolicy } from '@onedoor/platform';
import { ConsortiumController } from './consortium/consortium.controller';
import { AdmitPartnerHandler, FormConsortiumHandler, RemovePartnerHandler } from './consortium/consortium.handlers';
import { PartnerExitProcess } from './consortium/partner-exit.process';
import { ErasureReconciler } from './people/erasure-reconciler';
import { RecordConsentExpiryHandler } from './people/consent-expiry.handler';
import { ConsentExpiryProcess } from './people/consent-expiry.process';
import { ConsentLossProcess } from './people/consent-loss.process';
import { PeopleController } from './people/people.controller';
import { ChangePersonHandler, RegisterPersonHandler } from './people/person.handlers';
import { ActOnReferralHandler, CreateReferralHandler, ReassignReferralHandler, StopReferralOnConsentLossHandler } from './referrals/referral.handlers';
import { ReferralsController } from './referrals/referrals.controller';
import { ChangeServiceHandler, ListServiceHandler } from './services/service.handlers';
import { ServicesController } from './services/services.controller';
import { DirectoryShareTurns } from './services/directory-share-turns';
import { DecisionFacts } from './shared/decision-facts';
import { GetConsortiumHandler } from './consortium/consortium.queries';
import { FindPossibleDuplicatesHandler, GetPersonHandler, SearchPeopleHandler } from './people/person.queries';
import { GetReferralHandler, GetReferralHistoryHandler } from './referrals/referral.queries';
import { GetServiceHandler, SearchServicesHandler } from './services/service.queries';

/** The command side: consortium membership, partner services, people and consent, referrals. Runs on PlatformModule. */
@Module({
  controllers: [ConsortiumController, ServicesController, PeopleController, ReferralsController],
  providers: [
    AccessPolicy,
    DecisionFacts,
    FormConsortiumHandler,
    AdmitPartnerHandler,
    RemovePartnerHandler,
    DirectoryShareTurns,
    ListServiceHandler,
    ChangeServiceHandler,
    RegisterPersonHandler,
    ChangePersonHandler,
    CreateReferralHandler,
    ActOnReferralHandler,
    ReassignReferralHandler,
    StopReferralOnConsentLossHandler,
    PartnerExitProcess,
    ErasureReconciler,
    RecordConsentExpiryHandler,
    ConsentExpiryProcess,
    ConsentLossProcess,
    GetConsortiumHandler,
    GetServiceHandler,
    SearchServicesHandler,
    GetPersonHandler,
    FindPossibleDuplicatesHandler,
    SearchPeopleHandler,
    GetReferralHandler,
    GetReferralHistoryHandler,
  ],
})
export class ReferralsModule {}
