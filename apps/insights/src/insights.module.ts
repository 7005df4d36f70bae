import { Global, Module } from '@nestjs/common';
import { DeliveryPositions } from '@onedoor/projections';
import { AccessPolicy } from '@onedoor/platform';
import { ContractCommandHandler } from './contracts/contract.handlers';
import { GetContractsHandler } from './contracts/contract.queries';
import { ContractsController } from './contracts/contracts.controller';
import { AsOfOutcomes } from './outcomes/as-of-outcomes';
import { LiveDeliveryPositions } from './outcomes/live-delivery-positions';
import { LiveOutcomes } from './outcomes/live-outcomes';
import { RecordingController } from './recording/recording.controller';
import { RecordEmploymentHandler, RecordGroupAttendanceHandler } from './recording/recording.handlers';
import { InsightsController } from './reports/insights.controller';
import { GetReportHandler } from './reports/report.queries';

/**
 * Outcomes and payment by results: commissioner contracts, employment spells and group attendance on the
 * command side; milestones, claims, delivery, funnel, waits and outcomes, live or as of any moment. Runs on PlatformModule.
 * Global so the directory's routing suggestions find partners' delivery positions when insights runs beside it.
 */
@Global()
@Module({
  controllers: [ContractsController, RecordingController, InsightsController],
  providers: [AccessPolicy, LiveOutcomes, AsOfOutcomes, { provide: DeliveryPositions, useClass: LiveDeliveryPositions }, ContractCommandHandler, RecordGroupAttendanceHandler, RecordEmploymentHandler, GetContractsHandler, GetReportHandler],
  exports: [LiveOutcomes, AsOfOutcomes, DeliveryPositions],
})
export class InsightsModule {}
