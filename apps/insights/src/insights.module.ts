import { Module } from '@nestjs/common';
import { AccessPolicy } from '@onedoor/platform';
import { ContractCommandHandler } from './contracts/contract.handlers';
import { GetContractsHandler } from './contracts/contract.queries';
import { ContractsController } from './contracts/contracts.controller';
import { AsOfOutcomes } from './outcomes/as-of-outcomes';
import { LiveOutcomes } from './outcomes/live-outcomes';
import { RecordingController } from './recording/recording.controller';
import { RecordEmploymentHandler, RecordGroupAttendanceHandler } from './recording/recording.handlers';
import { InsightsController } from './reports/insights.controller';
import { GetReportHandler } from './reports/report.queries';

/**
 * Outcomes and payment by results: commissioner contracts, employment spells and group attendance on the
 * command side; milestones, claims, delivery, funnel, waits and outcomes, live or as of any moment. Runs on PlatformModule.
 */
@Module({
  controllers: [ContractsController, RecordingController, InsightsController],
  providers: [AccessPolicy, LiveOutcomes, AsOfOutcomes, ContractCommandHandler, RecordGroupAttendanceHandler, RecordEmploymentHandler, GetContractsHandler, GetReportHandler],
  exports: [LiveOutcomes, AsOfOutcomes],
})
export class InsightsModule {}
