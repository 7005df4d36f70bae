import { Capacity, ServiceDescription, WaitlistStatus } from './service-description';

export interface ServiceListed {
  type: 'ServiceListed';
  data: { serviceId: string; partnerId: string; listedAt: string; capacity: Capacity } & ServiceDescription;
}

export interface ServiceUpdated {
  type: 'ServiceUpdated';
  data: { serviceId: string; updatedAt: string; changes: Partial<ServiceDescription> };
}

export interface ServiceCapacityUpdated {
  type: 'ServiceCapacityUpdated';
  data: { serviceId: string; updatedAt: string; capacity: Capacity };
}

export interface ServiceWithdrawn {
  type: 'ServiceWithdrawn';
  data: { serviceId: string; withdrawnAt: string; reason?: string };
}

export interface ServiceWaitlistChanged {
  type: 'ServiceWaitlistChanged';
  data: { serviceId: string; changedAt: string; status: WaitlistStatus };
}

export type ServiceEvent = ServiceListed | ServiceUpdated | ServiceCapacityUpdated | ServiceWaitlistChanged | ServiceWithdrawn;
