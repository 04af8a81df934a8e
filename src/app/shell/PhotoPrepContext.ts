import { createContext } from "react";

export interface PreparedPhoto {
  bytes: ArrayBuffer;
  mime: string;
  width: number;
  height: number;
  sha256: string;
}

export type PreparePhoto = (file: Blob) => Promise<PreparedPhoto>;

/**
 * How a picked image becomes stored bytes (resized to at most 1600 px, SHA-256): src/app/photos/preparePhoto, loaded
 * on first use. It needs createImageBitmap and a canvas; component tests under jsdom, which has neither, pass their own.
 */
export const PhotoPrepContext = createContext<PreparePhoto>((file) => import("../photos/preparePhoto").then((m) => m.preparePhoto(file)));
