/** Injection token for the EventStore port (an interface, so it needs a token). */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const ONEDOOR_CONFIG = Symbol('ONEDOOR_CONFIG');
export const PLATFORM_STORAGE = Symbol('PLATFORM_STORAGE');
