/** Types of portal-data.mjs, for the tests that use the same full-size province. */
export declare const PORTAL_ENDPOINTS: readonly string[];
export declare const DEPARTMENTS: number;
export declare const COMMUNES: number;
export declare function provinceResponses(): { name: string; bytes: Uint8Array }[];
