import assert from "node:assert/strict";
import { test } from "node:test";
import { adminKey, client } from "./client.js";
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

test("token verification: yellow, OTP from the outbox, verified and bound", async () => {
  const created = await client().POST("/v1/token-verifications", {
    body: {
      requestType: "device_binding",
      network: "visa",
      tokenReference: "tok-ts-1",
      pan: card.pan,
      tokenRequestor: { id: "40010075001" },
      device: { id: "ts-device-1" },
      risk: { score: 25 },
    },
  });
  assert.ok(created.data, JSON.stringify(created.error));
  assert.equal(created.data.decision, "yellow");
  assert.equal(created.data.status, "pending_idv");
  const phone = created.data.idvMethods.find((m) => m.type === "cell_phone");
  assert.ok(phone);
  const id = created.data.id;
  const sent = await client().POST("/v1/token-verifications/{id}/otp", { params: { path: { id } }, body: { methodId: phone.id } });
  assert.equal(sent.response.status, 202);
  const outbox = await client(adminKey).GET("/v1/admin/outbox", { params: { query: { reference: id } } });
  const code = outbox.data?.at(-1)?.code;
  assert.ok(code, JSON.stringify(outbox.error));
  const verified = await client().POST("/v1/token-verifications/{id}/otp/verify", { params: { path: { id } }, body: { otp: code } });
  assert.deepEqual(verified.data, { status: "verified", attemptsRemaining: 3 });
  const bindings = await client().GET("/v1/tokens/{tokenReference}/bindings", { params: { path: { tokenReference: "tok-ts-1" } } });
  assert.equal(bindings.data?.[0]?.deviceId, "ts-device-1");
});

test("token verification: a green answer needs no step-up", async () => {
  const { data } = await client().POST("/v1/token-verifications", {
    body: {
      requestType: "cardholder_verification",
      network: "visa",
      tokenReference: "tok-ts-2",
      pan: card.pan,
      tokenRequestor: { id: "40010075001" },
      risk: { score: 1 },
    },
  });
  assert.equal(data?.decision, "green");
  assert.deepEqual(data?.reasons, ["low_risk_score"]);
  assert.deepEqual(data?.idvMethods, []);
});

function areq(amount: string, deviceChannel: "01" | "02") {
  return {
    messageType: "AReq",
    messageVersion: "2.2.0",
    threeDSServerTransID: crypto.randomUUID(),
    deviceChannel,
    messageCategory: "01",
    acctNumber: card.pan,
    cardExpiryDate: card.expiry,
    purchaseAmount: amount,
    purchaseCurrency: "978",
    purchaseExponent: "2",
    merchantName: "Example Shop",
    ...(deviceChannel === "02"
      ? { notificationURL: "https://merchant.example/3ds/notify", browserUserAgent: "Mozilla/5.0", browserJavaEnabled: false }
      : { sdkAppID: crypto.randomUUID(), sdkTransID: crypto.randomUUID(), deviceRenderOptions: { sdkInterface: "03", sdkUiType: ["01"] } }),
  };
}

test("3-D Secure frictionless: Y with a CAVV that verifies once", async () => {
  const ares = await client().POST("/v1/3ds/authentications", { body: areq("1999", "02") });
  assert.ok(ares.data, JSON.stringify(ares.error));
  assert.equal(ares.data.transStatus, "Y");
  assert.equal(ares.data.eci, "05");
  const value = ares.data.authenticationValue;
  assert.ok(value);
  const result = await client().GET("/v1/3ds/authentications/{acsTransID}", { params: { path: { acsTransID: ares.data.acsTransID } } });
  assert.equal(result.data?.signedResult.split(".").length, 3);
  const first = await client().POST("/v1/3ds/cavv/verify", { body: { pan: card.pan, authenticationValue: value } });
  assert.deepEqual(first.data, { result: "match", reason: null });
  const second = await client().POST("/v1/3ds/cavv/verify", { body: { pan: card.pan, authenticationValue: value } });
  assert.equal(second.data?.reason, "already_used");
});

test("3-D Secure app challenge: code from the outbox, Y", async () => {
  const ares = await client().POST("/v1/3ds/authentications", { body: areq("9999", "01") });
  assert.ok(ares.data, JSON.stringify(ares.error));
  assert.equal(ares.data.transStatus, "C");
  const acsTransID = ares.data.acsTransID;
  const opened = await client().POST("/v1/3ds/authentications/{acsTransID}/challenge", { params: { path: { acsTransID } }, body: {} });
  assert.equal(opened.data?.challengeCompletionInd, "N");
  const outbox = await client(adminKey).GET("/v1/admin/outbox", { params: { query: { reference: acsTransID } } });
  const code = outbox.data?.at(-1)?.code;
  assert.ok(code, JSON.stringify(outbox.error));
  const done = await client().POST("/v1/3ds/authentications/{acsTransID}/challenge", { params: { path: { acsTransID } }, body: { challengeDataEntry: code } });
  assert.equal(done.data?.transStatus, "Y");
  const history = await client().GET("/v1/3ds/history/{acsTransID}", { params: { path: { acsTransID } } });
  assert.equal(history.data?.record.transStatus, "Y");
});
