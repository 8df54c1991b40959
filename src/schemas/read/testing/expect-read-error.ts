import assert from 'node:assert/strict';
import { AppError } from '../../../core/errors.ts';
import type { ReadErrorCode } from '../read-error.ts';

/** An `assert.rejects` validator: a bad_request AppError with `details.code`, plus optional checks. */
export function readErrorWith(code: ReadErrorCode, check?: (error: AppError) => void) {
  return (error: unknown): true => {
    assert.ok(error instanceof AppError, `expected AppError, got ${String(error)}`);
    assert.equal(error.code, 'bad_request');
    assert.equal(error.details?.code, code);
    check?.(error);
    return true;
  };
}
