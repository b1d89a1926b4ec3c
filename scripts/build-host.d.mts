export declare const HOST_BUNDLE: string;
export declare function buildHost(): Promise<void>;
