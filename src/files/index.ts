/** Content-addressed file storage for uploaded resources. */
export { createFileStore, type FileStore, type StoredFile } from './file-store.ts';
export { safeFileName, Upload } from './upload.ts';
