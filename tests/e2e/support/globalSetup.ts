import type { TestProject } from "vitest/node";
import { buildApp } from "./buildApp";
import { ensureChromium } from "./ensureChromium";

/** Once per run: Chromium present, and two builds of the app (the second stands for a new deployment). */
export default function setup(project: TestProject): void {
  ensureChromium();
  project.provide("distA", buildApp(".tmp/e2e/dist-a", "e2e-a"));
  project.provide("distB", buildApp(".tmp/e2e/dist-b", "e2e-b"));
}

declare module "vitest" {
  export interface ProvidedContext {
    distA: string;
    distB: string;
  }
}
