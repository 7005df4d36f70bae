export * from './person-key-store';
export * from './in-memory-person-key-store';
export * from './sqlite-person-key-store';
export * from './personal-data-vault';
export * from './postgres-person-key-store';
