import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver, Engine, PickedFile } from "./Driver";
import { waitFor } from "./Driver";
import type { Loc } from "./Loc";

export type Op = "count" | "texts" | "visible" | "one" | "text" | "value" | "attr" | "blur" | "focus-select" | "scroll" | "select";

/**
 * A driver whose engine has no Playwright locators: locators are resolved in the page by `FIND_IN_PAGE`, and only
 * input (clicks, typing, picking a file) goes through the engine's own protocol. The subclass supplies those.
 */
export abstract class InPageDriver<H> implements Driver {
  abstract readonly engine: Engine;
  abstract readonly emulatesNetwork: boolean;
  abstract readonly restartKills: boolean;
  /** `(FIND_IN_PAGE)(steps, op, arg)` in the page; a returned element is not needed here ("one" goes through `handle`). */
  protected abstract find(l: Loc, op: Op, arg?: unknown): Promise<unknown>;
  /** The single element the locator matches, as the engine's handle, or an "E2E:" reason. */
  protected abstract handle(l: Loc): Promise<H | string>;
  protected abstract clickHandle(h: H): Promise<void>;
  /** Types into the focused, fully selected field (an empty text: deletes the selection). */
  protected abstract typeInto(h: H, text: string): Promise<void>;
  protected abstract pickFile(h: H, path: string): Promise<void>;
  abstract goto(url: string): Promise<void>;
  abstract url(): Promise<string>;
  abstract reload(): Promise<void>;
  abstract evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  abstract setOffline(offline: boolean): Promise<void>;
  abstract restartApp(): Promise<void>;
  abstract close(): Promise<void>;

  /** Runs a single-element op, waiting until the locator matches exactly one element. */
  private async on<T>(l: Loc, op: Op, arg?: unknown, timeoutMs = 15_000): Promise<T> {
    return waitFor(`${op} ${JSON.stringify(l)}`, async () => {
      const r = await this.find(l, op, arg);
      if (typeof r === "string" && r.startsWith("E2E:")) return { retry: r };
      return (r ?? null) as T;
    }, timeoutMs);
  }

  private async element(l: Loc, visible: boolean): Promise<H> {
    return waitFor(`element ${JSON.stringify(l)}`, async () => {
      if (visible && !(await this.find(l, "visible"))) return { retry: "not visible" };
      const h = await this.handle(l);
      return typeof h === "string" ? { retry: h } : h;
    });
  }

  /** Finds the element again when a tap fails on it (a re-render replaced it between finding and tapping). */
  async click(l: Loc): Promise<void> {
    await waitFor(`click ${JSON.stringify(l)}`, async () => {
      await this.on(l, "scroll");
      await this.clickHandle(await this.element(l, true));
      return true;
    });
  }

  async fill(l: Loc, text: string): Promise<void> {
    await this.on(l, "scroll");
    const h = await this.element(l, true);
    await this.on(l, "focus-select");
    await this.typeInto(h, text);
  }

  async blur(l: Loc): Promise<void> {
    await this.on(l, "blur");
  }

  async selectOption(l: Loc, label: string): Promise<void> {
    await this.on(l, "select", label);
  }

  async setFile(l: Loc, file: PickedFile): Promise<void> {
    const path = join(mkdtempSync(join(tmpdir(), "e2e-file-")), file.name);
    writeFileSync(path, file.buffer);
    await this.pickFile(await this.element(l, false), path);
  }

  async count(l: Loc): Promise<number> {
    return (await this.find(l, "count")) as number;
  }

  async texts(l: Loc): Promise<string[]> {
    return (await this.find(l, "texts")) as string[];
  }

  async text(l: Loc): Promise<string | null> {
    return this.on(l, "text");
  }

  async value(l: Loc): Promise<string> {
    return this.on(l, "value");
  }

  async attr(l: Loc, name: string): Promise<string | null> {
    return this.on(l, "attr", name);
  }

  async isVisible(l: Loc): Promise<boolean> {
    return (await this.find(l, "visible")) as boolean;
  }

  async waitVisible(l: Loc, timeoutMs = 15_000): Promise<void> {
    await waitFor(`visible ${JSON.stringify(l)}`, async () => ((await this.find(l, "visible")) ? true : { retry: "not visible" }), timeoutMs);
  }
}
