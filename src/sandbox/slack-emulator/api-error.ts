import type { SlackObject } from './types.js';

/** Thrown inside handlers to answer `{ ok: false, error }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: SlackObject = {},
  ) {
    super(code);
  }
}

export const missing = (field: string) =>
  new ApiError('invalid_arguments', {
    response_metadata: { messages: [`[ERROR] missing required field: ${field}`] },
  });
