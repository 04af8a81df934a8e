import { PROTOCOL_VERSION } from "../domain/protocol";

const problem = { description: "Lỗi (application/problem+json, RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const auth = [{ bearer: [] }];
const shaParam = { name: "sha256", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" } };

const yearParam = { name: "year", in: "query", required: true, schema: { type: "integer", minimum: 2014, maximum: 2100 } };
const provinceParam = { name: "province", in: "query", schema: { type: "string" }, description: "Admin only: which province" };

/** The DOST console routes (src/server/dost), read-only aggregates for dost and admin. */
const DOST_PATHS: Record<string, Record<string, unknown>> = {
  "/api/dost/summary": { get: { summary: "DOST: the province-year summary", security: auth, parameters: [yearParam, provinceParam], responses: { 200: json({ type: "object" }), 400: problem, 403: problem } } },
  "/api/dost/dashboard": { get: { summary: "DOST: dashboard figures", security: auth, parameters: [yearParam, provinceParam], responses: { 200: json({ type: "object" }), 400: problem, 403: problem } } },
  "/api/dost/inspections": { get: { summary: "DOST: inspections of the year, filtered", security: auth, parameters: [yearParam, provinceParam], responses: { 200: json({ type: "object" }), 400: problem, 403: problem } } },
  "/api/dost/agencies/{id}/history": {
    get: { summary: "DOST: an agency's inspections over the years", security: auth, parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, provinceParam], responses: { 200: json({ type: "object" }), 403: problem } },
  },
};

/**
 * The OpenAPI 3.1 description of every route the server registers (a test keeps the two in step). `routes` are
 * the app's registered routes: a DOST console route not yet described by hand still gets a minimal entry.
 */
export function openApiDocument(routes: readonly { method: string; path: string }[] = []): Record<string, unknown> {
  const dost: Record<string, Record<string, unknown>> = structuredClone(DOST_PATHS);
  for (const r of routes) {
    if (!r.path.startsWith("/api/dost/") || r.method === "ALL") continue;
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const m = r.method.toLowerCase();
    dost[path] ??= {};
    dost[path][m] ??= { summary: `DOST console: ${r.method} ${path}`, security: auth, responses: { 200: json({ type: "object" }), 403: problem } };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "HTQLCL kiểm tra — máy chủ đồng bộ",
      version: String(PROTOCOL_VERSION),
      description: "Sync server of the ISO 9001 inspection app. Clients send `X-Protocol-Version` and `X-Schema-Version`; another protocol or an older schema gets 426 (update the app), a newer schema than the server's gets 409 (the server is not updated yet; the changes stay on the device).",
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Problem: {
          type: "object",
          properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" } },
        },
        User: {
          type: "object",
          properties: {
            id: { type: "string" }, username: { type: "string" }, role: { enum: ["admin", "dost", "lead", "inspector"] },
            province: { type: ["string", "null"] }, team: { type: ["string", "null"] }, displayName: { type: "string" },
          },
        },
        Change: {
          type: "object",
          required: ["id", "entity", "rowId", "field", "value", "hlc", "prevHlc", "device", "user"],
          properties: {
            id: { type: "string" }, entity: { type: "string" }, rowId: { type: "string" }, field: { type: "string" }, value: {},
            hlc: { type: "string" }, prevHlc: { type: ["string", "null"] }, device: { type: "string" }, user: { type: "string" },
            merges: { type: "array", items: { type: "string" } }, reopen: { type: "boolean" },
          },
        },
      },
    },
    paths: {
      "/api/health": { get: { summary: "Server status, protocol version and epoch", responses: { 200: json({ type: "object" }) } } },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: json({ type: "object" }) } } },
      "/api/auth/login": {
        post: {
          summary: "Sign in (rate-limited per username and address)",
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { username: { type: "string" }, password: { type: "string" } } } } } },
          responses: { 200: json({ type: "object", properties: { token: { type: "string" }, user: { $ref: "#/components/schemas/User" } } }), 401: problem, 429: problem },
        },
      },
      "/api/auth/logout": { post: { summary: "Revoke the token used", security: auth, responses: { 204: { description: "Revoked" }, 401: problem } } },
      "/api/auth/me": { get: { summary: "The signed-in user", security: auth, responses: { 200: json({ type: "object" }), 401: problem } } },
      "/api/users": {
        get: { summary: "Accounts (admin: all; dost: its province)", security: auth, responses: { 200: json({ type: "object" }), 403: problem } },
        post: {
          summary: "Create an account (admin; dost within its province)",
          security: auth,
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { username: {}, password: {}, role: {}, province: {}, team: {} } } } } },
          responses: { 201: json({ type: "object" }), 400: problem, 403: problem, 409: problem },
        },
      },
      "/api/sync/push": {
        post: {
          summary: "Push changes: each stored once, checked on its own, answered for every id",
          security: auth,
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { device: { type: "string" }, changes: { type: "array", items: { $ref: "#/components/schemas/Change" } } } } } } },
          responses: {
            200: json({ type: "object", properties: { accepted: { type: "array" }, rejected: { type: "array" }, epoch: { type: "string" } } }),
            400: problem, 401: problem, 413: problem, 426: problem,
          },
        },
      },
      "/api/sync/bundle": {
        post: {
          summary: "Import a sync bundle file (htqlcl-bundle/1): its changes under the push rules and its photos, in one transaction",
          security: auth,
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { format: { const: "htqlcl-bundle/1" }, changes: { type: "array", items: { $ref: "#/components/schemas/Change" } }, blobs: { type: "object", additionalProperties: { type: "string", contentEncoding: "base64" } } } } } } },
          responses: {
            200: json({ type: "object", properties: { accepted: { type: "array" }, rejected: { type: "array" }, epoch: { type: "string" }, blobs: { type: "integer" } } }),
            400: problem, 401: problem, 413: problem, 422: problem,
          },
        },
      },
      "/api/sync/pull": {
        get: {
          summary: "Changes after a cursor, within the user's scope",
          security: auth,
          parameters: [
            { name: "after", in: "query", schema: { type: "string", pattern: "^\\d+$" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 5000 } },
          ],
          responses: { 200: json({ type: "object", properties: { changes: { type: "array" }, cursor: { type: "string" }, more: { type: "boolean" }, epoch: { type: "string" } } }), 400: problem },
        },
      },
      "/api/blobs/{sha256}": {
        put: { summary: "Upload a photo or PDF; the hash is verified, a repeat is harmless", security: auth, parameters: [shaParam], responses: { 200: json({ type: "object" }), 201: json({ type: "object" }), 413: problem, 422: problem } },
        get: { summary: "Download a blob", security: auth, parameters: [shaParam], responses: { 200: { description: "The bytes" }, 404: problem } },
        head: { summary: "Whether the server has the blob (resumable uploads)", security: auth, parameters: [shaParam], responses: { 200: { description: "Present" }, 404: { description: "Absent" } } },
      },
      ...dost,
    },
  };
}
