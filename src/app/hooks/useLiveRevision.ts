import { useEffect, useState } from "react";
import { onLiveChange } from "../sync/liveStream";

/** A number that grows with each live change from the server: screens that read the server put it in their effects' dependencies. */
export function useLiveRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => onLiveChange(() => setRevision((r) => r + 1)), []);
  return revision;
}
