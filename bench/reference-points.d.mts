export declare function exactReference(max: number | string, thresholdPercent: number | string, numerator: number, denominator: number): { units: number; tie: boolean };
export declare function percentFirstReference(max: number | string, thresholdPercent: number | string, numerator: number, denominator: number): { units: number; tie: boolean };
