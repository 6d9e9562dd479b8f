/**
 * The workspace config file (baton.yaml): constants, the zod schema of the file as written
 * (snake_case, strict) and the normalized `WorkspaceConfig` type the rest of Baton reads.
 * docs/configuration.md documents every key; keep the two in step.
 *
 * The pieces live in ./workspace/; this module re-exports their public names.
 */
export * from './workspace/constants.js';
export * from './workspace/defaults.js';
export { workspaceFileSchema } from './workspace/file-schema.js';
export type { WorkspaceFile } from './workspace/file-shape.js';
export { isIanaTimeZone } from './workspace/time-zone.js';
export type * from './workspace/types.js';
