import { useContext, useState } from "react";
import type { Attachment } from "../../domain/attachment";
import { addPhoto } from "../db/addPhoto";
import type { AttachmentRow } from "../db/rowTypes";
import { useT } from "../i18n/useT";
import { describeError } from "../save/describeError";
import { runSave } from "../save/runSave";
import { useDb } from "../shell/DbContext";
import { PhotoPrepContext } from "../shell/PhotoPrepContext";
import { PhotoThumb } from "./PhotoThumb";

interface Props {
  inspectionId: string;
  ownerId: string;
  photos: AttachmentRow[];
  disabled: boolean;
}

const MIMES: readonly string[] = ["image/jpeg", "image/png", "image/webp"];

/** Photos from the camera or the gallery: resized and hashed on the device, stored as bytes with a caption. */
export function PhotoPicker({ inspectionId, ownerId, photos, disabled }: Props) {
  const t = useT();
  const db = useDb();
  const prepare = useContext(PhotoPrepContext);
  const [caption, setCaption] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFiles = async (files: FileList | null) => {
    if (!files) return;
    setError(null);
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        let prepared;
        try {
          prepared = await prepare(file);
        } catch (err) {
          setError(t("photoFailed", { error: describeError(err) }));
          continue;
        }
        const mime = (MIMES.includes(prepared.mime) ? prepared.mime : "image/jpeg") as Attachment["mime"];
        // The bytes are kept in memory by the closure, so a failed write is retried without asking again.
        await runSave(() =>
          addPhoto(db, {
            inspectionId,
            ownerId,
            bytes: prepared.bytes,
            mime,
            caption: caption.trim().normalize("NFC"),
            width: prepared.width,
            height: prepared.height,
            sha256: prepared.sha256,
          }),
        );
      }
      setCaption("");
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="card" disabled={disabled} data-testid="photos">
      <legend>
        <strong>{t("photos")}</strong>
      </legend>
      <div className="thumbs">
        {photos.map((p) => (
          <PhotoThumb key={p.id} photo={p} />
        ))}
      </div>
      <label>
        {photos.length > 0 ? t("nextPhotoCaption") : t("caption")}
        <input value={caption} onChange={(e) => setCaption(e.target.value)} data-testid="photo-caption" />
      </label>
      <div className="row" style={{ marginTop: 8 }}>
        <label className="btn primary">
          {t("takePhoto")}
          <input className="sr-only" type="file" accept="image/*" capture="environment" disabled={disabled || busy} onChange={(e) => void onFiles(e.target.files).then(() => (e.target.value = ""))} data-testid="photo-camera" />
        </label>
        <label className="btn">
          {t("pickPhoto")}
          <input className="sr-only" type="file" accept="image/*" multiple disabled={disabled || busy} onChange={(e) => void onFiles(e.target.files).then(() => (e.target.value = ""))} data-testid="photo-gallery" />
        </label>
      </div>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
