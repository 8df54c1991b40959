export {
  type Database,
  type DatabaseTarget,
  type Dialect,
  type OwnedDatabase,
  openDatabase,
  withTransaction,
} from './database.ts';
export {
  appliedMigrations,
  assertSchemaNotNewer,
  KNOWN_MIGRATIONS,
  migrateToLatest,
} from './migrate.ts';
export { type DbBool, type Tables, toBool } from './tables.ts';
export { snapshotSqlite, sqliteIntegrityProblems, sqliteMigrations } from './sqlite-snapshot.ts';
