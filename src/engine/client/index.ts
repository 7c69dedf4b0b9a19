export { Client, pathFor } from "./client";
export type { Transport, ResourceRef, ClientResult } from "./client";
