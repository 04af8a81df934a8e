import { Hono } from "hono";

/** DOST console routes, mounted under /api/dost by the server (filled in by the DOST console work). */
export const dostRoutes = new Hono();
