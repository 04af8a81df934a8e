import { useEffect, useState } from "react";

const QUERY = "(min-aspect-ratio: 1/1) and (min-width: 1000px)";

/** Landscape tablet (1280×800) rather than portrait (800×1280); true where the browser cannot tell. */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(() => (typeof window.matchMedia === "function" ? window.matchMedia(QUERY).matches : true));
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const mq = window.matchMedia(QUERY);
    const on = () => setWide(mq.matches);
    mq.addEventListener("change", on);
    return () => mq.removeEventListener("change", on);
  }, []);
  return wide;
}
