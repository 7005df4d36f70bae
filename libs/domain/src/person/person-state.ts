import { Consent } from './consent';

export interface PersonState {
  status: 'unknown' | 'registered' | 'erased';
  personId?: string;
  registeredBy?: string;
  consents: Consent[];
}

export const initialPersonState: PersonState = { status: 'unknown', consents: [] };
