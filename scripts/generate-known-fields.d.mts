/** Types for generate-known-fields.mjs, so TypeScript tests can import it. */
export declare const KNOWN_FIELDS_PATH: string;
export declare function generateKnownFields(): string;
