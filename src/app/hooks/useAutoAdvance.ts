import { useState } from "react";

const KEY = "htqlcl.autoAdvance";

/**
 * The inspector's choice to move on by themselves after an outcome that needs nothing more (Đạt, Lưu ý): off until
 * turned on, remembered on this tablet.
 */
export function useAutoAdvance(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return globalThis.localStorage?.getItem(KEY) === "1";
    } catch {
      return false;
    }
  });
  const set = (v: boolean) => {
    try {
      globalThis.localStorage?.setItem(KEY, v ? "1" : "0");
    } catch {
      // private mode: the choice holds for this session
    }
    setOn(v);
  };
  return [on, set];
}
