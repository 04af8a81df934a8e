import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { z } from "zod";
import { PROTOCOL_VERSION, SCHEMA_VERSION } from "../domain/protocol";
import { allowedMethods } from "./allowedMethods";
import type { AppEnv } from "./AppEnv";
import { dostRoutes } from "./dost/dostRoutes";
import { getEpoch } from "./getEpoch";
import { openApiDocument } from "./openApiDocument";
import { problem } from "./problem";
import { requireUser } from "./requireUser";
import { authRoutes } from "./routes/authRoutes";
import { blobRoutes } from "./routes/blobRoutes";
import { syncRoutes } from "./routes/syncRoutes";
import { userRoutes } from "./routes/userRoutes";
import type { Storage } from "./Storage";

export interface AppOptions {
  storage: Storage;
  /** Directory of the built app (dist/); served with a fallback to index.html for non-/api paths. */
  staticDir?: string;
  /** Wall clock in ms, injectable for tests. */
  now?: () => number;
  /** Largest push body in bytes (default 32 MB). */
  maxPushBytes?: number;
}

// Every message the server sends, zod's validation messages included, is Vietnamese.
z.config(z.locales.vi());

const MAX_JSON_BYTES = 256 * 1024;
/** Routes whose body is JSON: another declared Content-Type is a 415 (none at all is read as JSON). */
const JSON_BODY_ROUTES = new Set(["POST /api/auth/login", "POST /api/users", "POST /api/sync/push", "POST /api/sync/bundle"]);
/** A bundle carries photos as base64: allow a few dozen of them. */
const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;

/** The HTTP app: stateless (everything lives in `storage`), so several instances can share one PostgreSQL. */
export function createApp(opts: AppOptions): Hono<AppEnv> {
  const now = opts.now ?? Date.now;
  const maxPush = opts.maxPushBytes ?? 32 * 1024 * 1024;
  const app = new Hono<AppEnv>();

  app.use("/api/*", async (c, next) => {
    c.set("storage", opts.storage);
    c.set("now", now);
    c.set("nowMs", now());
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
    if (JSON_BODY_ROUTES.has(`${c.req.method} ${c.req.path}`)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (type !== "" && type !== "application/json" && !type.endsWith("+json")) {
        return problem(c, 415, `Nội dung phải là JSON (Content-Type: application/json), không phải "${type.slice(0, 100)}".`);
      }
    }
    c.header("X-Protocol-Version", String(PROTOCOL_VERSION));
    c.header("X-Schema-Version", String(SCHEMA_VERSION));
    await next();
  });
  const tooBig = (limit: number) =>
    bodyLimit({ maxSize: limit, onError: (c) => problem(c, 413, `Dữ liệu gửi lên vượt quá ${Math.round(limit / 1024)} KB.`) });
  app.use("/api/sync/push", tooBig(maxPush));
  app.use("/api/sync/bundle", tooBig(MAX_BUNDLE_BYTES));
  app.use("/api/sync/pull", compress());
  app.use("/api/auth/*", tooBig(MAX_JSON_BYTES));
  app.use("/api/users", tooBig(MAX_JSON_BYTES));
  app.use("/api/dost/*", tooBig(MAX_JSON_BYTES), requireUser);

  app.get("/api/health", async (c) => {
    let epoch: string;
    try {
      epoch = await getEpoch(opts.storage);
    } catch {
      return problem(c, 503, "Máy chủ chưa kết nối được cơ sở dữ liệu; hãy thử lại sau.", { ok: false, protocol: PROTOCOL_VERSION });
    }
    return c.json({ ok: true, protocol: PROTOCOL_VERSION, schema: SCHEMA_VERSION, epoch, storage: opts.storage.kind, time: new Date(now()).toISOString() });
  });
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(app.routes)));
  app.route("/api/auth", authRoutes);
  app.route("/api/users", userRoutes);
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
    return problem(c, 500, "Máy chủ gặp lỗi khi xử lý yêu cầu. Dữ liệu chưa được ghi; hãy thử lại sau.");
  });
  return app;
}
