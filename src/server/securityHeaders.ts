import type { MiddlewareHandler } from "hono";

/**
 * The app's own scripts, styles, workers and manifest only; photos and PDFs as blob: URLs; the camera stream;
 * never framed, no plugins. Inline style attributes set by React go through the CSSOM, which CSP allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

/** Answers that carry tokens, accounts or inspection data: never kept by a browser or proxy cache. */
const NO_STORE = /^\/api\/(auth|sync|users|dost)(\/|$)/;

/** Security headers on every answer, the static app, problems and blobs included. */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("Referrer-Policy", "no-referrer");
  h.set("X-Frame-Options", "DENY");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
  if (NO_STORE.test(c.req.path)) h.set("Cache-Control", "no-store");
};
