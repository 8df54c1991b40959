/**
 * Backup and restore of the embedded database (SQLite) and the uploaded files, safe while the
 * server is writing. Other folders import only from here.
 */
export { type BackupSummary, createBackup } from './create-backup.ts';
export { type RestoreSummary, restoreBackup } from './restore-backup.ts';
