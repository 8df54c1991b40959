/**
 * The auth capability: password hashes (scrypt) and the portal's login sessions. It sits below
 * the catalog (user_create stores a password through it) and imports only core and db.
 * Other folders import only from here.
 */
import type { AnyAction } from '../core/action.ts';
import { userPasswordChange } from './actions/user-password-change.ts';

/** The actions of this capability, for the registry. */
export const authActions: readonly AnyAction[] = [userPasswordChange];

export { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password-hash.ts';
export { setPassword, storePasswordHash } from './passwords.ts';
export { MIN_PASSWORD_LENGTH, passwordParam } from './schema.ts';
export {
  type ActiveSession,
  endSession,
  logIn,
  resumeSession,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  type StartedSession,
  startSession,
} from './sessions.ts';
export { safeEqual } from './safe-equal.ts';
