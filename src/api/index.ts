export { createApp } from './create-app.ts';
export { clientAddress } from './client-address.ts';
export { readMultipartInput } from './read-multipart.ts';
export { RequestDataError } from './read-request.ts';
