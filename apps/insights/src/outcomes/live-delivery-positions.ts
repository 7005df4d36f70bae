import { Injectable } from '@nestjs/common';
import { DeliveryPosition, DeliveryPositions, deliveryPositionsFrom } from '@onedoor/projections';
import { LiveOutcomes } from './live-outcomes';

/** Delivery positions from the live outcomes projections, caught up to the log's head. */
@Injectable()
export class LiveDeliveryPositions extends DeliveryPositions {
  constructor(private readonly outcomes: LiveOutcomes) {
    super();
  }

  async at(now: string): Promise<Map<string, DeliveryPosition>> {
    return deliveryPositionsFrom((await this.outcomes.current()).view(now));
  }
}
