import { Module } from '@nestjs/common';
import { AccessPolicy } from '@onedoor/platform';
import { OpenReferralCors } from './openreferral/open-referral-cors';
import { OpenReferralOrganizationsController } from './openreferral/organizations/organizations.controller';
import { GetOpenReferralOrganizationHandler, ListOpenReferralOrganizationsHandler } from './openreferral/organizations/organization.queries';
import { OpenReferralRootController } from './openreferral/root.controller';
import { OpenReferralRootWithTrailingSlash } from './openreferral/root-with-trailing-slash';
import { OpenReferralServiceAtLocationsController } from './openreferral/service-at-locations/service-at-locations.controller';
import { GetOpenReferralServiceAtLocationHandler, ListOpenReferralServiceAtLocationsHandler } from './openreferral/service-at-locations/service-at-location.queries';
import { OpenReferralServicesController } from './openreferral/services/services.controller';
import { GetOpenReferralServiceHandler, ListOpenReferralServicesHandler } from './openreferral/services/service.queries';
import { OpenReferralTaxonomiesController } from './openreferral/taxonomies/taxonomies.controller';
import { GetOpenReferralTaxonomyHandler, ListOpenReferralTaxonomiesHandler } from './openreferral/taxonomies/taxonomy.queries';
import { OpenReferralTaxonomyTermsController } from './openreferral/taxonomy-terms/taxonomy-terms.controller';
import { GetOpenReferralTaxonomyTermHandler, ListOpenReferralTaxonomyTermsHandler } from './openreferral/taxonomy-terms/taxonomy-term.queries';
import { RoutingSuggestionsController } from './staff/routing/routing-suggestions.controller';
import { GetRoutingSuggestionsHandler } from './staff/routing/routing-suggestions.query';
import { DirectorySearchController } from './staff/search/directory-search.controller';
import { SearchDirectoryHandler } from './staff/search/search-directory.query';

/**
 * The shared service directory: the Open Referral (HSDS 3.0, UK profile) API under /openreferral, open
 * without a token and to every origin, read from the directory projection; and for staff, search
 * (/directory/search) and routing suggestions for a person (/people/{id}/routing-suggestions). Runs on PlatformModule.
 */
@Module({
  controllers: [
    OpenReferralRootController,
    OpenReferralServicesController,
    OpenReferralOrganizationsController,
    OpenReferralTaxonomiesController,
    OpenReferralTaxonomyTermsController,
    OpenReferralServiceAtLocationsController,
    DirectorySearchController,
    RoutingSuggestionsController,
  ],
  providers: [
    OpenReferralCors,
    OpenReferralRootWithTrailingSlash,
    ListOpenReferralServicesHandler,
    GetOpenReferralServiceHandler,
    ListOpenReferralOrganizationsHandler,
    GetOpenReferralOrganizationHandler,
    ListOpenReferralTaxonomiesHandler,
    GetOpenReferralTaxonomyHandler,
    ListOpenReferralTaxonomyTermsHandler,
    GetOpenReferralTaxonomyTermHandler,
    ListOpenReferralServiceAtLocationsHandler,
    GetOpenReferralServiceAtLocationHandler,
    AccessPolicy,
    SearchDirectoryHandler,
    GetRoutingSuggestionsHandler,
  ],
})
export class DirectoryModule {}
