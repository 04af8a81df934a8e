import { useState } from "react";
import { inspectBundleFile } from "./inspectBundleFile";
import { postBundle, type BundleImportOutcome } from "./postBundle";
import { readFileBytes } from "./readFileBytes";
import { useDostT } from "./useDostT";

type Phase = { step: "idle" } | { step: "reading"; name: string } | { step: "sending"; name: string; changes: number; photos: number; size: number } | { step: "done"; name: string; outcome: BundleImportOutcome } | { step: "bad"; name: string; problem: string };

/** Reasons with how many changes each refused, most frequent first. */
function groupReasons(rejected: { reason: string }[]): [string, number][] {
  const by = new Map<string, number>();
  for (const r of rejected) by.set(r.reason, (by.get(r.reason) ?? 0) + 1);
  return [...by].sort((a, b) => b[1] - a[1]);
}

/** Sizes as "1,5 MB" (decimal comma, as everywhere in the app). */
function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace(".", ",")} MB`;
}

/**
 * A sync bundle carried from a team that never got a link, imported at DOST: the file is read and checked here, then
 * sent to POST /api/sync/bundle, which applies it under the push rules; the answer is told in plain words.
 */
export function BundleImportTab({ token }: { token: string }) {
  const t = useDostT();
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const busy = phase.step === "reading" || phase.step === "sending";
  const reasons = (rejected: { reason: string }[]) => (
    <ul data-testid="dost-bundle-reasons">
      {groupReasons(rejected).map(([reason, n]) => <li key={reason}>{t(`${n} thay đổi: ${reason}`, `${n} changes: ${reason}`)}</li>)}
    </ul>
  );

  const pick = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    setPhase({ step: "reading", name: file.name });
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch {
      setPhase({ step: "bad", name: file.name, problem: t("Không đọc được tệp trên máy này.", "The file could not be read on this computer.") });
      return;
    }
    const check = inspectBundleFile(bytes);
    if (!check.ok) {
      setPhase({ step: "bad", name: file.name, problem: check.problem });
      return;
    }
    setPhase({ step: "sending", name: file.name, changes: check.changes, photos: check.photos, size: bytes.length });
    setPhase({ step: "done", name: file.name, outcome: await postBundle(token, check.json) });
  };

  return (
    <section aria-label={t("Nhập gói đồng bộ", "Import a sync bundle")}>
      <h2>{t("Nhập gói đồng bộ từ máy tính bảng", "Import a sync bundle from a tablet")}</h2>
      <p>
        {t(
          "Dành cho đoàn không có mạng: trên máy tính bảng, vào Cài đặt → Xuất gói đồng bộ, chép tệp sang máy này rồi chọn tệp dưới đây. Thay đổi đã có trên máy chủ không bị ghi hai lần.",
          "For teams without a connection: on the tablet, Settings → Export sync bundle, copy the file to this computer and pick it below. Changes the server already has are not stored twice.",
        )}
      </p>
      <label className="btn">
        {t("Chọn tệp gói đồng bộ (.json)", "Pick a sync bundle file (.json)")}
        <input className="sr-only" type="file" accept=".json,application/json,.gz" data-testid="dost-bundle-file" disabled={busy} onChange={(e) => void pick(e.target)} />
      </label>
      <div data-testid="dost-bundle-status" data-state={phase.step} aria-live="polite">
        {phase.step === "reading" && (
          <p>
            <progress aria-label={t("Đang đọc tệp", "Reading the file")} /> {t(`Đang đọc tệp ${phase.name}…`, `Reading ${phase.name}…`)}
          </p>
        )}
        {phase.step === "sending" && (
          <p>
            <progress aria-label={t("Đang gửi lên máy chủ", "Sending to the server")} />{" "}
            {t(
              `Đang gửi ${phase.changes} thay đổi và ${phase.photos} ảnh (${formatSize(phase.size)}) lên máy chủ; máy chủ kiểm tra và gộp từng thay đổi…`,
              `Sending ${phase.changes} changes and ${phase.photos} photos (${formatSize(phase.size)}); the server checks and merges each change…`,
            )}
          </p>
        )}
        {phase.step === "bad" && (
          <p className="banner error" role="alert">
            {phase.name}: {phase.problem}
          </p>
        )}
        {phase.step === "done" && !phase.outcome.ok && (
          <div className="banner error" role="alert">
            <p>
              {t("Không nhập được", "Not imported")} {phase.name}: {phase.outcome.detail}
            </p>
            {phase.outcome.rejected.length > 0 && reasons(phase.outcome.rejected)}
          </div>
        )}
        {phase.step === "done" && phase.outcome.ok && (
          <div className={`banner ${phase.outcome.rejected.length > 0 ? "warn" : "info"}`} role="status" data-testid="dost-bundle-result">
            <p>{t(`Đã nhập ${phase.name}:`, `Imported ${phase.name}:`)}</p>
            <ul>
              <li data-testid="dost-bundle-new">{t(`${new Set(phase.outcome.accepted).size - phase.outcome.already} thay đổi mới được nhận`, `${new Set(phase.outcome.accepted).size - phase.outcome.already} new changes accepted`)}</li>
              <li data-testid="dost-bundle-already">{t(`${phase.outcome.already} thay đổi đã có trên máy chủ (bỏ qua, không ghi lại)`, `${phase.outcome.already} changes already on the server (skipped)`)}</li>
              <li data-testid="dost-bundle-rejected">{t(`${phase.outcome.rejected.length} thay đổi bị từ chối`, `${phase.outcome.rejected.length} changes refused`)}</li>
              <li data-testid="dost-bundle-photos">{t(`${phase.outcome.blobs} ảnh được lưu`, `${phase.outcome.blobs} photos stored`)}</li>
            </ul>
            {phase.outcome.rejected.length > 0 && (
              <>
                <p>{t("Lý do từ chối:", "Why they were refused:")}</p>
                {reasons(phase.outcome.rejected)}
              </>
            )}
            <p className="muted">{t("Số liệu ở tab Kết quả tổng hợp đã gồm các thay đổi được nhận.", "The Merged results tab now includes the accepted changes.")}</p>
          </div>
        )}
      </div>
    </section>
  );
}
