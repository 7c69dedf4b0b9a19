/** Types for extract-kubectl.mjs, so TypeScript tests can import it. */
export declare const KUBECTL_PATH: string;
export declare function ensureKubectl(): string;
