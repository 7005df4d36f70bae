import { Module } from '@nestjs/common';
import { MessagingModule } from '@onedoor/messaging';
import { PartnerFeed } from './partner-feed';
import { PartnerFeedController } from './partner-feed.controller';
import { GetPartnerFeedHandler } from './partner-feed.query';

/** The authenticated pull feed for partners without Kafka. Runs on PlatformModule. */
@Module({
  imports: [MessagingModule],
  controllers: [PartnerFeedController],
  providers: [PartnerFeed, GetPartnerFeedHandler],
  exports: [PartnerFeed],
})
export class PartnerFeedModule {}
