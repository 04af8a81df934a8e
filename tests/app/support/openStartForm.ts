import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { expect } from "vitest";
import { testDb } from "../../app-db/testDb";
import { seedTablet } from "./fixtures";
import { renderApp } from "./renderApp";

/** A seeded tablet on the start screen for UBND xã Mường Lý, its checklist list loaded and the test checklist chosen. */
export async function openStartForm() {
  const db = testDb();
  await seedTablet(db);
  const user = userEvent.setup();
  renderApp(db, "#/start?agency=x-muongly");
  await waitFor(() => expect(screen.getByTestId("start-agency").textContent).toBe("UBND xã Mường Lý"));
  await waitFor(() => expect(screen.getByTestId("checklist-select").querySelectorAll("option").length).toBeGreaterThan(2));
  await user.selectOptions(screen.getByTestId("checklist-select"), "test-tt26@2026.1");
  return { db, user };
}
