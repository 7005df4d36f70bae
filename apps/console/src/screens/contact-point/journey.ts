import type { Person, Suggestion } from '../../api/types';

/** The contact-point journey for one caller: at most six steps, each a screen of its own. */
export const STEPS = ['find', 'register', 'consent', 'needs', 'suggest', 'create'] as const;
export type Step = (typeof STEPS)[number] | 'done';

export const STEP_LABELS: Record<(typeof STEPS)[number], string> = {
  find: 'Find the person',
  register: 'Register',
  consent: 'Consent',
  needs: 'Needs',
  suggest: 'Choose a service',
  create: 'Check and send',
};

export interface ChosenService {
  serviceId: string;
  name: string;
  partnerId: string;
  suggestion?: Suggestion;
}

export interface Journey {
  step: Step;
  /** What was typed on the find step, carried into registration. */
  typed: { name: string; dateOfBirth: string };
  person?: Person;
  needs: string[];
  urgency: 'routine' | 'urgent';
  summary: string;
  service?: ChosenService;
  referralId?: string;
}

export const NEW_CALL: Journey = { step: 'find', typed: { name: '', dateOfBirth: '' }, needs: [], urgency: 'routine', summary: '' };

/** "Amira  Khan" → given "Amira", family "Khan"; one word is a given name; the last word is the family name. */
export function splitName(name: string): { givenName: string; familyName: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return { givenName: words[0] ?? '', familyName: '' };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] };
}
