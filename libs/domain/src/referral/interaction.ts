/**
 * A recorded piece of support. Light-touch kinds (attendance at a group, a drop-in) must be as quick to
 * record as casework is thorough, so they need nothing beyond kind and date.
 */
export const INTERACTION_KINDS = ['assessment', 'one-to-one', 'phone-call', 'home-visit', 'group-session', 'attendance', 'drop-in', 'advice'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const LIGHT_TOUCH_KINDS: readonly InteractionKind[] = ['attendance', 'drop-in', 'group-session'];

export function isLightTouch(kind: InteractionKind): boolean {
  return LIGHT_TOUCH_KINDS.includes(kind);
}
