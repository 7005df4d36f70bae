export * from './outbound-message';
export * from './topics';
export * from './cloud-event-headers';
export * from './public-events';
export * from './public-event-validator';
export * from './person-sight';
export * from './partner-stream-router';
