export declare const BUNDLE_DIR: string;
export declare function bundleMain(dist?: string): Promise<void>;
export declare function asciiOnly(text: string): string;
