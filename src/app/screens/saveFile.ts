/** Hands a file to the user: the share sheet where it takes files (tablets), else a download link. */
export async function saveFile(bytes: Uint8Array, name: string, mime: string): Promise<void> {
  const file = new File([bytes as BlobPart], name, { type: mime });
  const nav = navigator as Navigator & { canShare?: (d: ShareData) => boolean };
  if (nav.canShare?.({ files: [file] }) && typeof nav.share === "function" && /Android|iPad|iPhone/.test(navigator.userAgent)) {
    try {
      await nav.share({ files: [file], title: name });
      return;
    } catch (err) {
      if (err instanceof Error && err.name === "AbortError") return;
    }
  }
  const url = URL.createObjectURL(file);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
