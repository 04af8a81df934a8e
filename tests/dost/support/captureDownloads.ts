/**
 * jsdom has no object URLs and cannot follow a download link: keep every blob the app hands to a download link, so
 * a test can read the file the browser would save. Returns the list the blobs are pushed to.
 */
export function captureDownloads(): Blob[] {
  const saved: Blob[] = [];
  URL.createObjectURL = (b: Blob | MediaSource) => {
    saved.push(b as Blob);
    return `blob:${saved.length}`;
  };
  URL.revokeObjectURL = () => undefined;
  HTMLAnchorElement.prototype.click = () => undefined;
  return saved;
}
