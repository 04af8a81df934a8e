import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { resetSaves } from "../../../src/app/save/runSave";

/** Each component test starts from an empty screen, no pending saves and empty localStorage. */
export function resetAppAfterEach(): void {
  afterEach(() => {
    cleanup();
    resetSaves();
    localStorage.clear();
  });
}
