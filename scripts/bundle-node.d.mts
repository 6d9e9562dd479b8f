import type { BuildOptions } from 'esbuild';

export declare const NODE_BUNDLE: BuildOptions;
export declare const SANDBOX_ENTRIES: Record<string, string>;
