/** Types for generate-k8s-schema.mjs, so TypeScript tests can import it. */
export declare const SCHEMA_PATH: string;
export declare function generateSchema(): Promise<Record<string, unknown>>;
