export declare function firstPageJs(dist: string): { bytes: number; files: string[] };
