import { useRef, useState, type PointerEvent } from "react";
import { useT } from "../i18n/useT";

interface Props {
  label: string;
  value: string | null;
  disabled: boolean;
  onSave: (dataUrl: string | null) => void;
  testId: string;
}

/** An optional drawn signature (finger or stylus), kept as a PNG data URL. */
export function SignaturePad({ label, value, disabled, onSave, testId }: Props) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [dirty, setDirty] = useState(false);

  const ctx = () => canvas.current?.getContext?.("2d") ?? null;
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = e.currentTarget;
    return [((e.clientX - r.left) * c.width) / (r.width || 1), ((e.clientY - r.top) * c.height) / (r.height || 1)] as const;
  };
  const down = (e: PointerEvent<HTMLCanvasElement>) => {
    const g = ctx();
    if (!g || disabled) return;
    drawing.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const [x, y] = point(e);
    g.lineWidth = 3;
    g.lineCap = "round";
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
    setDirty(true);
  };
  const clear = () => {
    const c = canvas.current;
    ctx()?.clearRect(0, 0, c?.width ?? 0, c?.height ?? 0);
    setDirty(false);
    onSave(null);
  };
  return (
    <div className="card" data-testid={testId}>
      <strong>{label}</strong>
      {value && !dirty ? (
        <img src={value} alt={label} style={{ maxWidth: 480, width: "100%", border: "1px solid #999" }} />
      ) : (
        <canvas
          ref={canvas}
          className="signature"
          width={960}
          height={360}
          aria-label={label}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={() => (drawing.current = false)}
          onPointerCancel={() => (drawing.current = false)}
        />
      )}
      {!disabled && (
        <div className="row">
          {dirty && (
            <button type="button" className="primary" onClick={() => (onSave(canvas.current?.toDataURL("image/png") ?? null), setDirty(false))}>
              {t("keepSignature")}
            </button>
          )}
          {(dirty || value) && (
            <button type="button" onClick={clear}>
              {t("clear")}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
