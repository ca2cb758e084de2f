import createClient from "openapi-fetch";
import type { paths } from "./schema.js";

/**
 * The server the flows run against (IV_BASE_URL) and the key of a client that generates and verifies values
 * (IV_CLIENT_KEY, the demo data's demo-client by default: the admin key does not generate values).
 */
export const baseUrl = process.env.IV_BASE_URL ?? "http://127.0.0.1:5080";
export const clientKey = process.env.IV_CLIENT_KEY ?? "demo-client-key";
/** An admin key (IV_ADMIN_KEY, Development's demo-admin-key by default), to read the outbox delivery channel. */
export const adminKey = process.env.IV_ADMIN_KEY ?? "demo-admin-key";

/** A typed client for every path in docs/openapi/v1.json; without a key when apiKey is null. */
export function client(apiKey: string | null = clientKey) {
  return createClient<paths>({ baseUrl, headers: apiKey === null ? {} : { "X-Api-Key": apiKey } });
}
