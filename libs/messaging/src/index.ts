export * from './outbound-message';
