export declare const RENDERER_SOURCES: string[];
export declare function rendererBuildIsStale(root: string): boolean;
