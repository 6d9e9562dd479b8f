import type { Catalog } from '../../../../src/i18n/index.js';
import type { Kind } from './check.js';

/** One exported builder: where its output goes, and its outputs for sample data (typical and worst). */
export interface Case {
  kind: Kind;
  render: (t: Catalog) => unknown[];
}

/** Keyed `<file>#<export>`, e.g. `lead-card.ts#leadCard`. */
export type Cases = Record<string, Case>;
