// @vitest-environment jsdom
// First: Dexie looks for a global indexedDB when it loads, and live queries only run if it finds one.
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { resultId } from "../../src/domain/result";
import { testDb } from "../app-db/testDb";
import { seedTablet, TEST_CHECKLIST } from "./support/fixtures";
import { renderApp } from "./support/renderApp";
import { resetAppAfterEach } from "./support/resetAppAfterEach";

resetAppAfterEach();

const saved = () => waitFor(() => expect(screen.getByTestId("save-status").textContent).toBe("Đã lưu trên máy"));

describe("field inspection flow (fake-indexeddb)", () => {
  it("start, score, photo, finding, action, finalize, then reload: everything is still there", async () => {
    const factory = new IDBFactory();
    const db = testDb("flow", factory);
    await seedTablet(db);
    const user = userEvent.setup();
    const view = renderApp(db, "#/agencies");

    // Agency picker: diacritic-insensitive search.
    await user.type(await screen.findByTestId("agency-search"), "muong ly");
    const options = screen.getAllByTestId("agency-option");
    expect(options.map((o) => o.textContent)).toEqual(["UBND xã Mường Lý"]);
    await user.click(options[0]!);

    // Start: agency, form, pinned checklist version, decision, people.
    await waitFor(() => expect(screen.getByTestId("start-agency").textContent).toBe("UBND xã Mường Lý"));
    // The tablet's published version and the built-in ones are offered; the chosen one is pinned.
    await waitFor(() => expect(screen.getByTestId("checklist-select").querySelectorAll("option").length).toBeGreaterThan(2));
    await user.selectOptions(screen.getByTestId("checklist-select"), "test-tt26@2026.1");
    await user.type(screen.getByTestId("decision-ref"), "125/QĐ-SKHCN");
    // The inspection day is typed (not today's date): the record is signed on 10/03/2026, which may not be before it.
    await user.clear(screen.getByTestId("started-on"));
    await user.type(screen.getByTestId("started-on"), "05/03/2026");
    // The team lead is filled in from the team (the member whose role is Trưởng đoàn).
    await waitFor(() => expect((screen.getByTestId("lead-name") as HTMLInputElement).value).toBe("Lê Văn An"));
    await user.type(screen.getByTestId("agency-representative"), "Hà Văn Cường");
    expect(within(screen.getByTestId("team-members")).getByDisplayValue("Phạm Thị Bình")).toBeTruthy();
    await user.click(screen.getByTestId("create-inspection"));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/i\/[0-9a-f-]{36}\/score/));
    const inspectionId = window.location.hash.split("/")[2]!;
    await saved();
    const insp = await db.inspections.get(inspectionId);
    expect(insp).toMatchObject({ agencyId: "x-muongly", checklistId: "test-tt26", checklistVersion: "2026.1", decisionRef: "125/QĐ-SKHCN", status: "draft", mode: "onsite" });
    expect(insp?.members).toEqual([{ name: "Lê Văn An", role: "Trưởng đoàn" }, { name: "Phạm Thị Bình", role: "Thành viên" }]);
    expect(insp?.leadName).toBe("Lê Văn An");

    // Scoring I.1.1: Đạt, one evidence seen, a note, a document reference.
    let panel = await screen.findByTestId("criterion-panel");
    expect(panel.dataset.code).toBe("I.1.1");
    expect(within(panel).getByText("Xác định phạm vi áp dụng HTQLCL")).toBeTruthy();
    await user.click(within(panel).getByRole("button", { name: "Đạt" }));
    await saved();
    await user.click(within(panel).getByTestId("evidence-1"));
    await user.type(within(panel).getByTestId("criterion-note"), "Đã ban hành đúng hạn");
    fireEvent.blur(within(panel).getByTestId("criterion-note"));
    await user.type(within(panel).getByTestId("doc-number"), "12/QĐ-UBND");
    await user.type(within(panel).getByTestId("doc-date"), "05/03/2026");
    await user.click(within(panel).getByRole("button", { name: "Thêm văn bản" }));
    await waitFor(async () =>
      expect(await db.results.get(resultId(inspectionId, "I.1.1"))).toMatchObject({
        outcome: "conform",
        evidence: ["Danh mục TTHC"],
        note: "Đã ban hành đúng hạn",
        documents: [{ number: "12/QĐ-UBND", date: "2026-03-05" }],
      }),
    );
    await waitFor(() => expect(screen.getByTestId("progress-I").textContent).toBe("1/2 tiêu chí"));

    // Jump to the next unanswered: I.1.2, Không đạt nặng, with a photo.
    await user.click(screen.getByTestId("next-unanswered"));
    await waitFor(() => expect(screen.getByTestId("criterion-panel").dataset.code).toBe("I.1.2"));
    panel = screen.getByTestId("criterion-panel");
    await user.click(within(panel).getByRole("button", { name: "Không đạt" }));
    await user.click(await within(panel).findByRole("button", { name: "nặng" }));
    await user.type(within(panel).getByTestId("photo-caption"), "Sổ theo dõi");
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])], "anh.jpg", { type: "image/jpeg" });
    await user.upload(within(panel).getByTestId("photo-gallery"), photo);
    await waitFor(() => expect(within(screen.getByTestId("criterion-panel")).getAllByTestId("photo-thumb")).toHaveLength(1));
    const thumb = within(screen.getByTestId("criterion-panel")).getByTestId("photo-thumb");
    await waitFor(() => expect(thumb.dataset.hasBytes).toBe("1"));
    const blob = await db.blobs.get(thumb.dataset.sha256!);
    expect(new Uint8Array(blob!.bytes)).toEqual(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));

    // II.a.1: Không áp dụng with a reason.
    await user.click(screen.getByTestId("next-unanswered"));
    await waitFor(() => expect(screen.getByTestId("criterion-panel").dataset.code).toBe("II.a.1"));
    panel = screen.getByTestId("criterion-panel");
    await user.click(within(panel).getByRole("button", { name: "Không áp dụng" }));
    await user.type(await within(panel).findByTestId("na-reason"), "Chưa đến kỳ");
    fireEvent.blur(within(panel).getByTestId("na-reason"));
    await waitFor(() => expect(screen.getByText("Đã đánh giá hết các tiêu chí.")).toBeTruthy());

    // Findings: proposed from Không đạt, then a corrective action.
    await user.click(screen.getByTestId("tab-findings"));
    await user.click(await screen.findByTestId("propose-findings"));
    const finding = await screen.findByTestId("finding");
    expect(finding.dataset.criterion).toBe("I.1.2");
    expect((within(finding).getByTestId("finding-kind") as HTMLSelectElement).value).toBe("nonconformity:major");
    await user.click(within(finding).getByTestId("add-action"));
    const action = await within(screen.getByTestId("finding")).findByTestId("action");
    await user.type(within(action).getByTestId("action-description"), "Cập nhật sổ theo dõi");
    fireEvent.blur(within(action).getByTestId("action-description"));
    await user.type(within(action).getByTestId("action-owner"), "Văn phòng UBND xã");
    fireEvent.blur(within(action).getByTestId("action-owner"));
    await waitFor(async () => expect((await db.actions.where("inspectionId").equals(inspectionId).first())?.owner).toBe("Văn phòng UBND xã"));

    // Review: counts per section, then finalize (sets signedOn, due date = signedOn + 2 months).
    await user.click(screen.getByTestId("tab-review"));
    const counts = await screen.findByTestId("section-counts");
    const rowI = counts.querySelector('tr[data-section="I"]')!;
    expect(rowI.querySelector('[data-outcome="conform"]')!.textContent).toBe("1");
    expect(rowI.querySelector('[data-outcome="nonconform"]')!.textContent).toBe("1");
    expect(counts.querySelector('tr[data-section="II"] [data-outcome="na"]')!.textContent).toBe("1");
    // Finalize waits for the record number and the signing date, each named.
    const gapList = screen.getByTestId("gaps");
    expect([...gapList.querySelectorAll("[data-gap]")].map((li) => li.textContent)).toEqual(["Chưa có số biên bản", "Chưa có ngày ký"]);
    expect((screen.getByTestId("finalize") as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByTestId("record-number"), "05");
    fireEvent.blur(screen.getByTestId("record-number"));
    await user.type(screen.getByTestId("signed-on"), "10/3/2026");
    await waitFor(async () => expect((await db.inspections.get(inspectionId))?.signedOn).toBe("2026-03-10"));
    await waitFor(() => expect(screen.queryByTestId("gaps")).toBeNull());
    await user.click(screen.getByTestId("finalize"));
    await user.click(screen.getByTestId("finalize-confirm"));
    await screen.findByTestId("locked-banner");
    expect((await db.actions.where("inspectionId").equals(inspectionId).first())?.dueOn).toBe("2026-05-10");

    // Locked: the scoring screen refuses edits and says why.
    await user.click(screen.getByTestId("tab-score"));
    await waitFor(() => expect(within(screen.getByTestId("criterion-panel")).getByRole("button", { name: "Đạt" })).toHaveProperty("disabled", true));

    // Reload: unmount, close and reopen the database, remount with no route: back where we were, all there.
    await user.click(screen.getByTestId("crit-I.1.2"));
    await waitFor(() => expect(window.location.hash).toBe(`#/i/${inspectionId}/score?c=I.1.2`));
    view.unmount();
    db.close();
    window.history.replaceState(null, "", "#/");
    const db2 = testDb("flow", factory);
    renderApp(db2, "");
    await waitFor(() => expect(window.location.hash).toBe(`#/i/${inspectionId}/score?c=I.1.2`));
    expect((await screen.findByTestId("criterion-panel")).dataset.code).toBe("I.1.2");
    await screen.findByTestId("locked-banner");
    const again = await db2.results.where("inspectionId").equals(inspectionId).toArray();
    expect(again.map((r) => [r.criterionCode, r.outcome, r.severity ?? null]).sort()).toEqual([
      ["I.1.1", "conform", null],
      ["I.1.2", "nonconform", "major"],
      ["II.a.1", "na", null],
    ]);
    expect((await db2.attachments.where("inspectionId").equals(inspectionId).toArray()).map((a) => a.caption)).toEqual(["Sổ theo dõi"]);
    expect((await db2.findings.where("inspectionId").equals(inspectionId).toArray()).map((f) => f.severity)).toEqual(["major"]);
    expect((await db2.inspections.get(inspectionId))?.status).toBe("finalized");
    expect(await db2.outbox.count()).toBeGreaterThan(20);
    await waitFor(() => expect(within(screen.getByTestId("criterion-panel")).getAllByTestId("photo-thumb")).toHaveLength(1));
    db2.close();
    expect(TEST_CHECKLIST.sections).toHaveLength(3);
  });
});
