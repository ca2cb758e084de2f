import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

/** The server the flows run against (IV_BASE_URL) and its admin key (IV_ADMIN_KEY, the demo data's by default). */
export const baseUrl = process.env.IV_BASE_URL ?? "http://127.0.0.1:5080";
export const adminKey = process.env.IV_ADMIN_KEY ?? "demo-admin-key";

/** A typed client for every path in docs/openapi/v1.json; without a key when apiKey is null. */
export function client(apiKey: string | null = adminKey) {
  return createClient<paths>({ baseUrl, headers: apiKey === null ? {} : { "X-Api-Key": apiKey } });
}
