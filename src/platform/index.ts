export { migrateDatabase, migrationStatus } from './migrations.ts';
export { buildRegistry } from './registry.ts';
export { type OpenOptions, openPlatform, type Platform } from './platform.ts';
