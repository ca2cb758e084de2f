import assert from "node:assert/strict";
import { test } from "node:test";
import { client } from "./client.js";
import type { components } from "./schema.js";

type VerifyResponse = components["schemas"]["VerifyResponse"];
type ValidationProblem = components["schemas"]["HttpValidationProblemDetails"];
const problems = "https://issuer-verification.dev/problems/";
const card = { pan: "4444333322221111", expiry: "9911" } as const;
const mastercard = { pan: "5392692002902681", psn: "01", ivcvc3: "8342", unpredictableNumber: "00000899", atc: "0101" } as const;

test("CVV match has a null reason", async () => {
  const { data, error } = await client().POST("/v1/cvv/verify", { body: { ...card, kind: "cvv2", value: "114" } });
  assert.equal(error, undefined);
  const result: VerifyResponse | undefined = data;
  assert.deepEqual(result, { result: "match", reason: null });
});

test("CVV no_match has a reason", async () => {
  const { data } = await client().POST("/v1/cvv/verify", { body: { ...card, kind: "cvv2", value: "115" } });
  assert.equal(data?.result, "no_match");
  assert.equal(data?.reason, "value_mismatch");
});

test("CVC3 generated then verified", async () => {
  const generated = await client().POST("/v1/cvc3/generate", { body: mastercard });
  assert.ok(generated.data, JSON.stringify(generated.error));
  assert.equal(generated.data.cvc3.length, 5);
  const { data } = await client().POST("/v1/cvc3/verify", { body: { ...mastercard, cvc3: generated.data.cvc3.slice(-3) } });
  assert.deepEqual(data, { result: "match", reason: null });
});

test("dCVV2: three generated, the first verified", async () => {
  const generated = await client().POST("/v1/dcvv2/generate", { body: { pan: card.pan, count: 3 } });
  assert.ok(generated.data, JSON.stringify(generated.error));
  assert.equal(generated.data.values.length, 3);
  const first = generated.data.values[0];
  assert.ok(first);
  const { data } = await client().POST("/v1/dcvv2/verify", { body: { pan: card.pan, dcvv2: first.dcvv2 } });
  assert.equal(data?.result, "match");
  assert.equal(data?.reason, null);
  assert.equal(data?.validFrom, first.validFrom);
});

test("no API key: 401 unauthorized problem", async () => {
  const { error, response } = await client(null).POST("/v1/cvv/verify", { body: { ...card, kind: "cvv2", value: "114" } });
  assert.equal(response.status, 401);
  assert.equal(response.headers.get("content-type"), "application/problem+json");
  assert.equal(error?.type, problems + "unauthorized");
});

test("invalid PAN: 400 validation problem naming the field", async () => {
  const { error, response } = await client().POST("/v1/cvv/verify", { body: { ...card, pan: "4444333322221112", kind: "cvv2", value: "114" } });
  assert.equal(response.status, 400);
  assert.ok(isValidationProblem(error), JSON.stringify(error));
  assert.equal(error.type, problems + "validation");
  assert.ok(error.errors?.["pan"]?.length);
});

test("PAN without a card range: 422 no-card-range problem", async () => {
  const { error, response } = await client().POST("/v1/cvv/verify", { body: { pan: "4111111111111111", expiry: "3012", kind: "cvv2", value: "123" } });
  assert.equal(response.status, 422);
  assert.equal(error?.type, problems + "no-card-range");
});

/** A 400's body: the problem with field errors (the other problems have no `errors`). */
function isValidationProblem(error: unknown): error is ValidationProblem {
  return typeof error === "object" && error !== null && "errors" in error;
}
