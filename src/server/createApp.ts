import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono, type Context, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { z } from "zod";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../domain/protocol";
import { allowedMethods } from "./allowedMethods";
import { SCRYPT_PARAMS, type ScryptParams } from "./auth/hashPassword";
import type { AppEnv } from "./AppEnv";
import { databaseUnavailable } from "./databaseUnavailable";
import { dostRoutes } from "./dost/dostRoutes";
import { getEpoch } from "./getEpoch";
import { openApiDocument } from "./openApiDocument";
import { problem } from "./problem";
import type { BodyRule } from "./readJson";
import { requireUser } from "./requireUser";
import { securityHeaders } from "./securityHeaders";
import { authRoutes } from "./routes/authRoutes";
import { blobRoutes } from "./routes/blobRoutes";
import { syncRoutes } from "./routes/syncRoutes";
import { userRoutes } from "./routes/userRoutes";
import type { Storage } from "./Storage";
import { jsonIsStorable } from "./sync/jsonIsStorable";
import { ChangeHub } from "./live/ChangeHub";
import { liveRoute, type LiveOptions } from "./live/liveRoute";

export interface AppOptions {
  storage: Storage;
  /** Directory of the built app (dist/); served with a fallback to index.html for non-/api paths. */
  staticDir?: string;
  /** Wall clock in ms, injectable for tests. */
  now?: () => number;
  /** Largest push body in bytes (default 32 MB). */
  maxPushBytes?: number;
  /** Cost of new password hashes (default SCRYPT_PARAMS); tests pass a cheaper one, as they pass `now`. */
  hashParams?: ScryptParams;
  /**
   * Free bytes left on the database's disk, or null when unknown (PostgreSQL on another machine). Below
   * `diskReserveBytes` writes are refused with 507 before the database itself runs out of space.
   */
  diskFree?: () => number | null;
  /** Free space kept in reserve (default 256 MB). */
  diskReserveBytes?: number;
  /** How many bodies over LARGE_BODY_BYTES may be received and parsed at once (default 2); more get 503. */
  maxLargeBodies?: number;
  /** The live streams' hub (tests pass a small one) and their heartbeat. */
  live?: { hub?: ChangeHub } & LiveOptions;
}

// Every message the server sends, zod's validation messages included, is Vietnamese.
z.config(z.locales.vi());

const MAX_JSON_BYTES = 256 * 1024;
const MAX_AUTH_BYTES = 16 * 1024;
/** Routes whose body is JSON: another declared Content-Type is a 415 (none at all is read as JSON, except below). */
const JSON_BODY_ROUTES = new Set(["POST /api/auth/login", "POST /api/auth/password", "POST /api/users", "POST /api/sync/push", "POST /api/sync/bundle"]);
/** Routes that must declare application/json: a cross-site form cannot send that without the browser asking first. */
const JSON_DECLARED_ROUTES = new Set(["POST /api/auth/login", "POST /api/auth/password"]);
/** A body above this size holds one of the few large-body slots while it is received and parsed. */
const LARGE_BODY_BYTES = 1024 * 1024;
/** Seconds a client is told to wait when the database is away or the large-body slots are taken. */
const RETRY_AFTER_S = 5;
/** A bundle carries photos as base64: allow a few dozen of them. */
const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/** The HTTP app: stateless (everything lives in `storage`), so several instances can share one PostgreSQL. */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const now = opts.now ?? Date.now;
  const maxPush = opts.maxPushBytes ?? 32 * 1024 * 1024;
  const maxLarge = opts.maxLargeBodies ?? 2;
  let largeBodies = 0;
  let lastEpoch: string | null = null;
  const app = new Hono<AppEnv>();

  app.use("*", securityHeaders);
  app.use("/api/*", async (c, next) => {
    // One rule for every string a client sends: no NUL, no lone surrogate (PostgreSQL cannot store them).
    const url = new URL(c.req.url);
    let path = url.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* not percent-decodable: the route answers it */
    }
    if (!jsonIsStorable(path) || [...url.searchParams].some(([k, v]) => !jsonIsStorable(k) || !jsonIsStorable(v))) {
      return problem(c, 400, "Đường dẫn hoặc tham số chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lẻ).");
    }
    c.set("storage", opts.storage);
    c.set("now", now);
    c.set("nowMs", now());
    c.set("hashParams", opts.hashParams ?? SCRYPT_PARAMS);
    const v = c.req.header("x-protocol-version");
    if (v !== undefined && v !== String(PROTOCOL_VERSION)) {
      return problem(c, 426, `Ứng dụng dùng giao thức đồng bộ phiên bản ${v}, máy chủ dùng phiên bản ${PROTOCOL_VERSION}. Hãy cập nhật ứng dụng.`, {
        protocol: PROTOCOL_VERSION,
      });
    }
    const schema = c.req.header("x-schema-version");
    if (schema !== undefined && !(Number(schema) >= SCHEMA_VERSION)) {
      return problem(c, 426, `Ứng dụng dùng dữ liệu phiên bản ${schema}, máy chủ dùng phiên bản ${SCHEMA_VERSION}. Hãy cập nhật ứng dụng; dữ liệu chưa đồng bộ vẫn được giữ trên máy.`, {
        protocol: PROTOCOL_VERSION,
        schema: SCHEMA_VERSION,
      });
    }
    if (schema !== undefined && Number(schema) > SCHEMA_VERSION) {
      return problem(c, 409, `Máy chủ chưa được cập nhật lên dữ liệu phiên bản ${schema} (đang dùng ${SCHEMA_VERSION}). Dữ liệu vẫn được giữ trên máy và sẽ được gửi khi máy chủ cập nhật.`, {
        protocol: PROTOCOL_VERSION,
        schema: SCHEMA_VERSION,
      });
    }
    // Known path, other method: 405 before authentication, so a client learns its mistake whatever its token.
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      c.header("Allow", allowed.join(", "));
      return problem(c, 405, `${c.req.path} không nhận phương thức ${c.req.method}; chỉ nhận ${allowed.join(", ")}.`);
    }
    const route = `${c.req.method} ${c.req.path}`;
    if (JSON_BODY_ROUTES.has(route)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if ((type !== "" || JSON_DECLARED_ROUTES.has(route)) && type !== "application/json" && !type.endsWith("+json")) {
        return problem(c, 415, `Nội dung phải là JSON (Content-Type: application/json)${type ? `, không phải "${type.slice(0, 100)}"` : ""}.`);
      }
    }
    c.header("X-Protocol-Version", String(PROTOCOL_VERSION));
    c.header("X-Schema-Version", String(SCHEMA_VERSION));
    await next();
  });
  /**
   * The body rule of a route (limit on the bytes received and, inflated, on the bytes parsed; gzip or not), and
   * for routes that accept large bodies, one of the few large-body slots while a big one is received and parsed.
   */
  const body = (rule: BodyRule) => {
    const limit = bodyLimit({ maxSize: rule.limit, onError: (c) => problem(c, 413, `Dữ liệu gửi lên vượt quá ${Math.round(rule.limit / 1024)} KB.`) });
    return async (c: Context<AppEnv>, next: Next) => {
      c.set("bodyRule", rule);
      const declared = Number(c.req.header("content-length") ?? NaN);
      const large = rule.limit > LARGE_BODY_BYTES && c.req.method !== "GET" && c.req.method !== "HEAD" && !(declared <= LARGE_BODY_BYTES);
      if (!large) return limit(c, next);
      if (largeBodies >= maxLarge) {
        c.header("Retry-After", String(RETRY_AFTER_S));
        return problem(c, 503, "Máy chủ đang nhận nhiều gói dữ liệu lớn cùng lúc; dữ liệu vẫn được giữ trên máy và sẽ được gửi lại sau ít giây.");
      }
      largeBodies++;
      try {
        return await limit(c, next);
      } finally {
        largeBodies--;
      }
    };
  };
  // A full disk hangs embedded PGlite for good: refuse writes while the reserve is reached (reads go on).
  const reserve = opts.diskReserveBytes ?? 256 * 1024 * 1024;
  const diskGuard = async (c: Context<AppEnv>, next: Next) => {
    const free = c.req.method === "GET" || c.req.method === "HEAD" ? null : (opts.diskFree?.() ?? null);
    if (free !== null && free < reserve) {
      c.header("Retry-After", "3600");
      return problem(c, 507, "Máy chủ sắp hết dung lượng đĩa nên tạm ngừng nhận dữ liệu mới. Dữ liệu vẫn được giữ trên máy; hãy báo quản trị viên.");
    }
    await next();
  };
  for (const path of ["/api/sync/*", "/api/blobs/*", "/api/users", "/api/users/*"]) app.use(path, diskGuard);
  app.use("/api/sync/push", body({ limit: maxPush, gzip: true, wholeBodyStrings: false }));
  app.use("/api/sync/bundle", body({ limit: MAX_BUNDLE_BYTES, gzip: true, wholeBodyStrings: false }));
  app.use("/api/sync/pull", compress());
  app.use("/api/auth/*", body({ limit: MAX_AUTH_BYTES, gzip: false, wholeBodyStrings: true }));
  app.use("/api/users", body({ limit: MAX_JSON_BYTES, gzip: false, wholeBodyStrings: true }));
  app.use("/api/users/*", body({ limit: MAX_JSON_BYTES, gzip: false, wholeBodyStrings: true }));
  app.use("/api/dost/*", body({ limit: MAX_JSON_BYTES, gzip: false, wholeBodyStrings: true }), requireUser);

  /** Resolves to the value, or to `fallback` when the database takes longer than `ms` (busy with a long write). */
  const within = <T,>(p: Promise<T>, ms: number, fallback: T): Promise<T> =>
    Promise.race([p, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms).unref())]);

  // Liveness: answers while the process serves requests. A database that errors is a 503; one that is only busy
  // (a long push holds embedded PGlite) does not stall the answer: the last epoch seen is given.
  app.get("/api/health", async (c) => {
    let epoch: string | null;
    try {
      epoch = await within(getEpoch(opts.storage), 1000, null);
    } catch {
      c.header("Retry-After", String(RETRY_AFTER_S));
      return problem(c, 503, "Máy chủ chưa kết nối được cơ sở dữ liệu; hãy thử lại sau.", { ok: false, protocol: PROTOCOL_VERSION });
    }
    if (epoch !== null) lastEpoch = epoch;
    if (lastEpoch === null) {
      c.header("Retry-After", String(RETRY_AFTER_S));
      return problem(c, 503, "Máy chủ đang khởi động; hãy thử lại sau.", { ok: false, protocol: PROTOCOL_VERSION });
    }
    return c.json({ ok: true, protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, epoch: lastEpoch, storage: opts.storage.kind, time: new Date(now()).toISOString() });
  });
  // Readiness: whether this instance can serve writes now (the database answers within 2 s), for a load balancer
  // or supervisor to route requests to it.
  app.get("/api/ready", async (c) => {
    let ok: boolean;
    try {
      ok = await within(opts.storage.query("select 1").then(() => true), 2000, false);
    } catch {
      ok = false;
    }
    if (!ok) {
      c.header("Retry-After", String(RETRY_AFTER_S));
      return problem(c, 503, "Máy chủ chưa sẵn sàng: cơ sở dữ liệu chưa trả lời; hãy thử lại sau.", { ready: false });
    }
    return c.json({ ready: true, storage: opts.storage.kind });
  });
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(app.routes)));
  app.route("/api/auth", authRoutes);
  app.route("/api/users", userRoutes);
  // After an accepted push or bundle, the live streams of the pusher's province hear of it (admin: every province).
  const hub = opts.live?.hub ?? new ChangeHub();
  const tell = async (c: Context<AppEnv>, next: Next) => {
    await next();
    if (c.res.status === 200 && c.get("user")) hub.notify(c.get("user").role === "admin" ? null : c.get("user").province);
  };
  app.use("/api/sync/push", tell);
  app.use("/api/sync/bundle", tell);
  app.get("/api/sync/live", requireUser, liveRoute(hub, opts.live ?? {}));
  app.route("/api/sync", syncRoutes);
  app.route("/api/blobs", blobRoutes);
  app.route("/api/dost", dostRoutes);
  app.all("/api/*", (c) => problem(c, 404, `Không có đường dẫn ${c.req.method} ${c.req.path}.`));

  if (opts.staticDir) {
    const root = resolve(opts.staticDir);
    app.use("*", serveStatic({ root }));
    const index = join(root, "index.html");
    app.get("*", (c) => (existsSync(index) ? c.html(readFileSync(index, "utf8")) : c.text("Chưa build ứng dụng (npm run build).", 404)));
  }
  app.notFound((c) => problem(c, 404, `Không có đường dẫn ${c.req.method} ${c.req.path}.`));
  app.onError((err, c) => {
    // Never a stack trace to the client; the log keeps one line.
    console.error(`[server] ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    if (databaseUnavailable(err)) {
      c.header("Retry-After", String(RETRY_AFTER_S));
      return problem(c, 503, "Máy chủ tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu chưa được ghi và vẫn được giữ trên máy; hãy thử lại sau ít giây.");
    }
    return problem(c, 500, "Máy chủ gặp lỗi khi xử lý yêu cầu. Dữ liệu chưa được ghi; hãy thử lại sau.");
  });
  return app;
}
