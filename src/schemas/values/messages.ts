import type { ValueFindingCode } from './finding-codes.ts';
import type { FindingMessages } from './finding-message.ts';
import { CONTACT_MESSAGES } from './messages-contact.ts';
import { IDENTIFIER_MESSAGES } from './messages-identifiers.ts';
import { NUMERIC_MESSAGES } from './messages-numeric.ts';
import { TEMPORAL_MESSAGES } from './messages-temporal.ts';
import { TEXT_MESSAGES } from './messages-text.ts';

/**
 * Japanese and English message plus a suggested fix for every finding code; the type makes a
 * missing code a compile error.
 */
export const MESSAGES: Record<ValueFindingCode, FindingMessages> = {
  ...TEXT_MESSAGES,
  ...IDENTIFIER_MESSAGES,
  ...TEMPORAL_MESSAGES,
  ...CONTACT_MESSAGES,
  ...NUMERIC_MESSAGES,
};
