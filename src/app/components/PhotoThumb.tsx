import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import type { AttachmentRow } from "../db/rowTypes";
import { useT } from "../i18n/useT";
import { useEdit } from "../save/useEdit";
import { TextField } from "./TextField";
import { useDb } from "../shell/DbContext";

/**
 * A stored photo shown from its bytes (the row may arrive by sync before its bytes: then only the caption), with a
 * caption that can be written after the shot, and a remove action asked twice: removing marks the attachment
 * deleted, so lists and records no longer show it.
 */
export function PhotoThumb({ photo }: { photo: AttachmentRow }) {
  const db = useDb();
  const t = useT();
  const edit = useEdit();
  const [confirming, setConfirming] = useState(false);
  const blob = useLiveQuery(() => (photo.sha256 ? db.blobs.get(photo.sha256) : undefined), [db, photo.sha256]);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob || typeof URL.createObjectURL !== "function") return;
    const u = URL.createObjectURL(new Blob([blob.bytes], { type: blob.mime }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  return (
    <figure style={{ margin: 0 }} data-testid="photo-thumb" data-sha256={photo.sha256} data-has-bytes={blob ? "1" : "0"}>
      {url ? <img src={url} alt={photo.caption || photo.sha256?.slice(0, 8)} /> : <div className="card muted">{photo.sha256?.slice(0, 8)}</div>}
      {/* Shown by the caption field below; kept for screen readers and as the photo's own caption. */}
      <figcaption className="sr-only">{photo.caption}</figcaption>
      <TextField
        label={t("caption")}
        value={photo.caption ?? ""}
        onCommit={(v) => void edit([{ entity: "attachment", rowId: photo.id, field: "caption", value: v.trim().normalize("NFC") }])}
        testId="photo-caption-edit"
      />
      {confirming ? (
        <div className="row">
          <button type="button" data-testid="photo-remove-confirm" onClick={() => void edit([{ entity: "attachment", rowId: photo.id, field: "deleted", value: true }])}>
            {t("removePhotoConfirm")}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button type="button" data-testid="photo-remove" onClick={() => setConfirming(true)}>
          {t("removePhoto")}
        </button>
      )}
    </figure>
  );
}
