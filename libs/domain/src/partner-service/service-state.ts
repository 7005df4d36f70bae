import { Capacity, ServiceDescription } from './service-description';

export interface ServiceState {
  status: 'unlisted' | 'active' | 'withdrawn';
  serviceId?: string;
  partnerId?: string;
  description?: ServiceDescription;
  capacity?: Capacity;
}

export const initialServiceState: ServiceState = { status: 'unlisted' };
