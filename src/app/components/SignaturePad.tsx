import { useEffect, useRef, useState, type PointerEvent } from "react";
import { useFlushOnLeave } from "../hooks/useFlushOnLeave";
import { useT } from "../i18n/useT";

interface Props {
  label: string;
  value: string | null;
  disabled: boolean;
  onSave: (dataUrl: string | null) => void;
  testId: string;
}

/** Saved this long after the last stroke ends: a signature is several strokes, written as one edit. */
const PAUSE_MS = 800;

/**
 * An optional drawn signature (finger or stylus), kept as a PNG data URL. It saves itself after a pause in drawing,
 * and when the screen changes or the app is hidden, like every other field: there is no Save button to forget.
 */
export function SignaturePad({ label, value, disabled, onSave, testId }: Props) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Strokes drawn since the last save; and whether this screen has been drawn on (then the canvas stays, so a
  // stroke added after a pause, such as a dot, lands on the same signature).
  const inked = useRef(false);
  const [drawnHere, setDrawnHere] = useState(false);
  const latest = useRef(onSave);
  latest.current = onSave;

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!inked.current) return;
    inked.current = false;
    const url = canvas.current?.toDataURL("image/png");
    if (url) latest.current(url);
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useFlushOnLeave(flush);
  useEffect(() => {
    // A tap anywhere else (Hoàn thành và khoá included) saves the signature first, before that tap's own write.
    const onTapElsewhere = (e: Event) => e.target !== canvas.current && flushRef.current();
    document.addEventListener("pointerdown", onTapElsewhere, true);
    return () => document.removeEventListener("pointerdown", onTapElsewhere, true);
  }, []);

  const ctx = () => canvas.current?.getContext?.("2d") ?? null;
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = e.currentTarget;
    return [((e.clientX - r.left) * c.width) / (r.width || 1), ((e.clientY - r.top) * c.height) / (r.height || 1)] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = ctx();
    if (!g || disabled) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    drawing.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const [x, y] = point(e);
    g.lineWidth = 4;
    g.lineCap = "round";
    g.lineJoin = "round";
    g.strokeStyle = "#000";
    g.beginPath();
    g.moveTo(x, y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = ctx();
    if (!g || !drawing.current) return;
    const [x, y] = point(e);
    g.lineTo(x, y);
    g.stroke();
    inked.current = true;
    if (!drawnHere) setDrawnHere(true);
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    if (!inked.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => flushRef.current(), PAUSE_MS);
  };
  const clear = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    inked.current = false;
    const c = canvas.current;
    ctx()?.clearRect(0, 0, c?.width ?? 0, c?.height ?? 0);
    onSave(null);
  };
  const showCanvas = !disabled && (drawnHere || !value);
  return (
    <div className="card signature-pad" data-testid={testId} data-signed={value ? "1" : "0"}>
      <strong>{label}</strong>
      {!showCanvas ? (
        value ? (
          <img src={value} alt={label} className="signature" data-testid={`${testId}-image`} />
        ) : (
          <p className="muted">{t("notSigned")}</p>
        )
      ) : (
        <canvas
          ref={canvas}
          className="signature"
          width={960}
          height={360}
          aria-label={label}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        />
      )}
      {!disabled && (
        <div className="row">
          <span className="muted" style={{ flex: 1 }}>
            {value || drawnHere ? "" : t("signatureHint")}
          </span>
          {(drawnHere || value) && (
            <button type="button" onClick={clear} data-testid={`${testId}-clear`}>
              {t("clear")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
