import { z } from "zod";
import { BundleSchema } from "../domain/bundle";
import { ChangeSchema } from "../domain/change";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../domain/protocol";
import { AccountPatchSchema } from "./auth/AccountPatchSchema";
import { NewUserSchema } from "./auth/NewUserSchema";
import { ROLES } from "./auth/ServerUser";
import { PULL_MAX_LIMIT } from "./sync/pullChanges";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description = "Lỗi (application/problem+json, RFC 9457)") => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const json = (schema: object, description = "OK") => ({ description, content: { "application/json": { schema } } });
const jsonBody = (schema: object) => ({ required: true, content: { "application/json": { schema } } });
const auth = [{ bearer: [] }];
const shaParam = { name: "sha256", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" } };
/** The JSON Schema of a domain zod schema, so the document cannot drift from what the server checks. */
const fromZod = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  return rest;
};

/** Every operation: the version headers it may send, and the answers they can get. */
function op(o: { summary: string; security?: boolean; parameters?: object[]; requestBody?: object; responses: Record<string, object> }) {
  return {
    summary: o.summary,
    ...(o.security === false ? {} : { security: auth }),
    parameters: [
      { name: "X-Protocol-Version", in: "header", schema: { type: "string", const: String(PROTOCOL_VERSION) }, description: "Another value: 426" },
      { name: "X-Schema-Version", in: "header", schema: { type: "string", pattern: "^\\d+$" }, description: `Older than ${SCHEMA_VERSION}: 426; newer: 409` },
      ...(o.parameters ?? []),
    ],
    ...(o.requestBody ? { requestBody: o.requestBody } : {}),
    responses: {
      ...o.responses,
      ...(o.security === false ? {} : { 401: problem("Không có hoặc sai token") }),
      ...(o.requestBody && "content" in o.requestBody && JSON.stringify(o.requestBody).includes("application/json") ? { 415: problem("Content-Type không phải JSON") } : {}),
      409: problem("Ứng dụng dùng dữ liệu mới hơn máy chủ"),
      426: problem("Cần cập nhật ứng dụng"),
    },
  };
}

const userIdParam = { name: "id", in: "path", required: true, schema: { type: "string" }, description: "The account's id (from GET /api/users)" };
const tokenIdParam = { name: "tokenId", in: "path", required: true, schema: { type: "string", pattern: "^[0-9a-f]{16}$" } };
const revokedCount = { type: "object", required: ["revoked"], properties: { revoked: { type: "integer" } } };
const userChangeAnswers = { 200: json({ type: "object", required: ["user"], properties: { user: ref("ListedUser") } }), 403: problem(), 404: problem(), 409: problem("Không tự khoá chính mình") };
const yearParam = { name: "year", in: "query", required: true, schema: { type: "integer", minimum: 2014, maximum: 2100 } };
const provinceParam = { name: "province", in: "query", schema: { type: "string" }, description: "Admin only: which province" };
const dostOp = (summary: string, parameters: object[]) => op({ summary, parameters, responses: { 200: json({ type: "object" }), 400: problem(), 403: problem() } });

/** The DOST console routes (src/server/dost), read-only aggregates for dost and admin. */
const DOST_PATHS: Record<string, Record<string, unknown>> = {
  "/api/dost/summary": { get: dostOp("DOST: the province-year summary", [yearParam, provinceParam]) },
  "/api/dost/dashboard": { get: dostOp("DOST: dashboard figures", [yearParam, provinceParam]) },
  "/api/dost/inspections": { get: dostOp("DOST: inspections of the year, filtered", [yearParam, provinceParam]) },
  "/api/dost/agencies/{id}/history": {
    get: dostOp("DOST: an agency's inspections over the years", [{ name: "id", in: "path", required: true, schema: { type: "string" } }, provinceParam]),
  },
};

const REJECTED = { type: "array", items: { type: "object", required: ["id", "reason"], properties: { id: { type: "string" }, reason: { type: "string", description: "Vietnamese" } } } };
const BUNDLE = fromZod(BundleSchema);

const SCHEMAS: Record<string, object> = {
  Problem: {
    type: "object",
    required: ["type", "title", "status", "detail"],
    properties: { type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string", description: "Vietnamese, for the user" } },
  },
  Health: {
    type: "object",
    required: ["ok", "protocol", "schema", "epoch", "storage", "time"],
    properties: {
      ok: { type: "boolean" }, protocol: { type: "integer" }, schema: { type: "integer" }, epoch: { type: "string", description: "Changes when the database is restored: push every retained change again, pull from 0" },
      storage: { enum: ["pglite", "postgres"] }, time: { type: "string", format: "date-time" },
    },
  },
  User: {
    type: "object",
    required: ["id", "username", "role", "province", "team", "displayName"],
    properties: {
      id: { type: "string" }, username: { type: "string" }, role: { enum: [...ROLES] },
      province: { type: ["string", "null"] }, team: { type: ["string", "null"] }, displayName: { type: "string" },
    },
  },
  NewUser: fromZod(NewUserSchema),
  LoginRequest: {
    type: "object",
    required: ["username", "password"],
    properties: {
      username: { type: "string", minLength: 1, maxLength: 64, description: "Any letter case: usernames are case-insensitive" },
      password: { type: "string", minLength: 1, maxLength: 200 },
      device: { type: "string", pattern: "^[A-Za-z0-9_-]{1,64}$", description: "The tablet's device id: the token is issued to it, and pushes must name it" },
    },
  },
  ListedUser: {
    type: "object",
    required: ["id", "username", "role", "province", "team", "displayName", "disabled"],
    properties: {
      id: { type: "string" }, username: { type: "string" }, role: { enum: [...ROLES] },
      province: { type: ["string", "null"] }, team: { type: ["string", "null"] }, displayName: { type: "string" }, disabled: { type: "boolean" },
    },
  },
  DeviceToken: {
    type: "object",
    required: ["id", "device", "userAgent", "issuedAt", "lastUsedAt", "expiresAt", "current"],
    properties: {
      id: { type: "string", pattern: "^[0-9a-f]{16}$" }, device: { type: ["string", "null"] }, userAgent: { type: "string" },
      issuedAt: { type: ["string", "null"], format: "date-time" }, lastUsedAt: { type: ["string", "null"], format: "date-time" },
      expiresAt: { type: "string", format: "date-time" }, current: { type: "boolean" },
    },
  },
  PasswordChange: {
    type: "object",
    required: ["currentPassword", "newPassword"],
    properties: { currentPassword: { type: "string", minLength: 1, maxLength: 200 }, newPassword: { type: "string", minLength: 12, maxLength: 200 } },
  },
  LoginResponse: { type: "object", required: ["token", "user"], properties: { token: { type: "string" }, user: ref("User") } },
  Change: fromZod(ChangeSchema),
  PushRequest: {
    type: "object",
    required: ["device", "changes"],
    properties: { device: { type: "string", minLength: 1, maxLength: 64 }, changes: { type: "array", maxItems: 5000, items: ref("Change") } },
  },
  PushResponse: {
    type: "object",
    required: ["accepted", "rejected", "epoch"],
    properties: {
      accepted: { type: "array", items: { type: "string" } },
      rejected: REJECTED,
      epoch: { type: "string" },
    },
  },
  PushCompactResponse: {
    type: "object",
    required: ["acceptedCount", "acceptedMaxHlc", "rejected", "epoch"],
    properties: {
      acceptedCount: { type: "integer", minimum: 0, description: "How many distinct ids of the request are accepted: every id not in `rejected`" },
      acceptedMaxHlc: { type: ["string", "null"], description: "The greatest hlc among the accepted changes (null when none)" },
      rejected: REJECTED,
      epoch: { type: "string" },
    },
  },
  PullResponse: {
    type: "object",
    required: ["changes", "cursor", "more", "epoch"],
    properties: {
      changes: { type: "array", items: ref("Change") },
      cursor: { type: "string", pattern: "^\\d+$", description: "Pass as `after` next time" },
      more: { type: "boolean" },
      epoch: { type: "string" },
    },
  },
  Bundle: { ...BUNDLE, properties: { ...(BUNDLE.properties as object), changes: { type: "array", items: ref("Change") } } },
  BundleResponse: {
    type: "object",
    required: ["accepted", "rejected", "epoch", "blobs", "already"],
    properties: {
      accepted: { type: "array", items: { type: "string" } }, rejected: REJECTED, epoch: { type: "string" },
      blobs: { type: "integer", description: "Photos stored (those of accepted attachments)" },
      already: { type: "integer", description: "Distinct accepted ids the server already had before this import" },
    },
  },
  BlobStored: { type: "object", required: ["sha256", "size"], properties: { sha256: { type: "string" }, size: { type: "integer" } } },
};

/**
 * The OpenAPI 3.1 description of every route the server registers (a test keeps the two in step and checks real
 * answers against these schemas). `routes` are the app's registered routes: a DOST console route not yet described
 * by hand still gets a minimal entry.
 */
export function openApiDocument(routes: readonly { method: string; path: string }[] = []): Record<string, unknown> {
  const dost: Record<string, Record<string, unknown>> = structuredClone(DOST_PATHS);
  for (const r of routes) {
    if (!r.path.startsWith("/api/dost/") || r.method === "ALL") continue;
    const path = r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const m = r.method.toLowerCase();
    dost[path] ??= {};
    dost[path][m] ??= op({ summary: `DOST console: ${r.method} ${path}`, responses: { 200: json({ type: "object" }), 403: problem() } });
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "HTQLCL kiểm tra — máy chủ đồng bộ",
      version: String(PROTOCOL_VERSION),
      description:
        "Sync server of the ISO 9001 inspection app. Clients send `X-Protocol-Version` and `X-Schema-Version`; another protocol or an older schema gets 426 (update the app), a newer schema than the server's gets 409 (the server is not updated yet; the changes stay on the device). Every error is application/problem+json with a Vietnamese `detail`: 404 for an unknown path, 405 (with `Allow`) for a known path and another method, 415 for a JSON route's body declared as another type, 413 over a size limit.",
    },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: SCHEMAS },
    paths: {
      "/api/health": { get: op({ summary: "Server status, protocol version and epoch", security: false, responses: { 200: json(ref("Health")), 503: problem("Cơ sở dữ liệu chưa sẵn sàng") } }) },
      "/api/ready": {
        get: op({
          summary: "Readiness: 200 when the database answers within 2 s, else 503 with Retry-After (for a load balancer or supervisor)",
          security: false,
          responses: { 200: json({ type: "object", required: ["ready"], properties: { ready: { const: true }, storage: { enum: ["pglite", "postgres"] } } }), 503: problem("Chưa sẵn sàng") },
        }),
      },
      "/api/auth/password": {
        post: op({
          summary: "Change one's own password (12+ characters, not a common one); every other token of the account is revoked",
          requestBody: jsonBody(ref("PasswordChange")),
          responses: {
            200: json({ type: "object", required: ["changed", "revokedTokens"], properties: { changed: { const: true }, revokedTokens: { type: "integer" } } }),
            400: problem("Mật khẩu mới không hợp lệ"), 403: problem("Mật khẩu hiện tại không đúng"), 413: problem(), 429: problem(),
          },
        }),
      },
      "/api/auth/devices": {
        get: op({ summary: "The devices (tokens) signed in to one's own account", responses: { 200: json({ type: "object", required: ["devices"], properties: { devices: { type: "array", items: ref("DeviceToken") } } }) } }),
      },
      "/api/auth/devices/{tokenId}": {
        delete: op({ summary: "Sign one of one's own devices out", parameters: [tokenIdParam], responses: { 204: { description: "Revoked" }, 404: problem() } }),
      },
      "/api/users/{id}/disable": { post: op({ summary: "Disable an account: it cannot log in, its tokens are refused at once (admin; dost in its province)", parameters: [userIdParam], responses: userChangeAnswers }) },
      "/api/users/{id}": {
        patch: op({
          summary: "Change an account's full name, role or team (admin; dost in its province, no admins); a team of another province is refused",
          parameters: [userIdParam],
          requestBody: jsonBody(fromZod(AccountPatchSchema)),
          responses: { ...userChangeAnswers, 400: problem() },
        }),
      },
      "/api/users/{id}/password": {
        post: op({
          summary: "Reset an account's password to a new random one, answered once; every token of the account is revoked (admin; dost in its province)",
          parameters: [userIdParam],
          responses: {
            200: json({ type: "object", required: ["password", "revokedTokens"], properties: { password: { type: "string" }, revokedTokens: { type: "integer" } } }),
            403: problem(), 404: problem(), 409: problem("Không đặt lại mật khẩu của chính mình"),
          },
        }),
      },
      "/api/users/{id}/enable": { post: op({ summary: "Enable a disabled account again (admin; dost in its province)", parameters: [userIdParam], responses: userChangeAnswers }) },
      "/api/users/{id}/tokens": {
        get: op({ summary: "An account's signed-in devices (admin; dost in its province; oneself)", parameters: [userIdParam], responses: { 200: json({ type: "object", required: ["tokens"], properties: { tokens: { type: "array", items: ref("DeviceToken") } } }), 403: problem(), 404: problem() } }),
        delete: op({ summary: "Revoke every token of an account", parameters: [userIdParam], responses: { 200: json(revokedCount), 403: problem(), 404: problem() } }),
      },
      "/api/users/{id}/tokens/{tokenId}": {
        delete: op({ summary: "Revoke one token of an account", parameters: [userIdParam, tokenIdParam], responses: { 200: json(revokedCount), 403: problem(), 404: problem() } }),
      },
      "/api/openapi.json": { get: op({ summary: "This document", security: false, responses: { 200: json({ type: "object" }) } }) },
      "/api/auth/login": {
        post: op({
          summary: "Sign in (Content-Type: application/json required). Failures slow further tries down progressively per username and address: 429 with Retry-After",
          security: false,
          requestBody: jsonBody(ref("LoginRequest")),
          responses: {
            200: json(ref("LoginResponse")),
            400: problem(),
            401: problem("Sai tên đăng nhập hoặc mật khẩu"),
            403: problem("Tài khoản bị khoá"),
            413: problem(),
            429: { ...problem("Quá nhiều lần đăng nhập sai"), headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds" } } },
          },
        }),
      },
      "/api/auth/logout": { post: op({ summary: "Revoke the token used", responses: { 204: { description: "Revoked" } } }) },
      "/api/auth/me": { get: op({ summary: "The signed-in user", responses: { 200: json({ type: "object", required: ["user"], properties: { user: ref("User") } }) } }) },
      "/api/users": {
        get: op({ summary: "Accounts (admin: all; dost: its province)", responses: { 200: json({ type: "object", required: ["users"], properties: { users: { type: "array", items: ref("ListedUser") } } }), 403: problem() } }),
        post: op({
          summary: "Create an account (admin; dost within its province, no admins). province and team are ids; a team exists once a user belongs to it",
          requestBody: jsonBody(ref("NewUser")),
          responses: { 201: json({ type: "object", required: ["user"], properties: { user: ref("ListedUser") } }, "Created"), 400: problem(), 403: problem(), 409: problem("Tên đăng nhập đã có"), 413: problem() },
        }),
      },
      "/api/sync/push": {
        post: op({
          summary: "Push changes (at most 5000, 32 MB; may be sent Content-Encoding: gzip): each stored once, checked on its own, answered for every id, in one transaction",
          parameters: [
            { name: "X-Push-Answer", in: "header", schema: { type: "string", enum: ["compact"] }, description: "compact: answer PushCompactResponse (count and highest stamp of the accepted, plus the refusals) instead of echoing every accepted id" },
          ],
          requestBody: jsonBody(ref("PushRequest")),
          responses: { 200: json({ anyOf: [ref("PushResponse"), ref("PushCompactResponse")] }), 400: problem("Không phải JSON, hoặc một thay đổi không có id: không ghi gì"), 413: problem() },
        }),
      },
      "/api/sync/bundle": {
        post: op({
          summary: "Import a sync bundle file (htqlcl-bundle/1, up to 100 MB): its changes under the push rules and its photos, in one transaction",
          requestBody: jsonBody(ref("Bundle")),
          responses: { 200: json(ref("BundleResponse")), 400: problem(), 413: problem(), 422: problem("Ảnh hỏng, gói của tỉnh khác, hoặc mọi thay đổi bị từ chối (kèm danh sách rejected): không ghi gì") },
        }),
      },
      "/api/sync/pull": {
        get: op({
          summary: "Accepted changes after a cursor, within the user's scope, in server order (gzip when asked)",
          parameters: [
            { name: "after", in: "query", schema: { type: "string", pattern: "^\\d{1,18}$", default: "0" } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: PULL_MAX_LIMIT, default: 1000 } },
          ],
          responses: { 200: json(ref("PullResponse")), 400: problem() },
        }),
      },
      "/api/sync/live": {
        get: op({
          summary:
            "A text/event-stream that says `changes` (no data) within moments of an accepted push in the account's province (every province for admin), `ready` on connect, a `: ping` comment every 25 s; it ends after about 10 minutes and the client reconnects",
          responses: {
            200: { description: "The event stream", content: { "text/event-stream": {} } },
            429: problem("Quá nhiều luồng cho tài khoản này (Retry-After)"),
            503: problem("Quá nhiều luồng trên máy chủ (Retry-After)"),
          },
        }),
      },
      "/api/blobs/{sha256}": {
        put: op({
          summary: "Upload a photo or PDF (JPEG, PNG, WebP, PDF, octet-stream; up to 10 MB); the hash is verified, a repeat is harmless",
          parameters: [shaParam],
          requestBody: { required: true, content: { "image/jpeg": {}, "image/png": {}, "image/webp": {}, "application/pdf": {}, "application/octet-stream": {} } },
          responses: { 201: json(ref("BlobStored"), "Stored"), 200: json(ref("BlobStored"), "Already there"), 400: problem(), 413: problem(), 415: problem(), 422: problem("Nội dung không khớp mã SHA-256") },
        }),
        get: op({ summary: "Download a blob (within the uploader's province and team, and its DOST)", parameters: [shaParam], responses: { 200: { description: "The bytes, with their Content-Type" }, 400: problem(), 404: problem() } }),
        head: op({ summary: "Whether the server has the blob (resumable uploads)", parameters: [shaParam], responses: { 200: { description: "Present" }, 404: { description: "Absent" } } }),
      },
      ...dost,
    },
  };
}
