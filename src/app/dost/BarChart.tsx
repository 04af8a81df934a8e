const CHART_FONT_PX = 16;

export interface Bar {
  label: string;
  /** Stacked parts, drawn left to right; each opens what it counts. */
  parts: { value: number; color: string; title: string; onOpen?: () => void }[];
}

/** Horizontal (stacked) bars in plain SVG: a chart for what people would rather look at than read. Every part is a
 * button that opens the inspections behind it. */
export function BarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  const rowH = 30;
  const labelW = 190;
  const width = 620;
  const scale = (width - labelW - 50) / max;
  return (
    // Drawn 1:1 (never scaled down, so labels stay CHART_FONT_PX on a tablet); a narrow screen scrolls it sideways.
    <div style={{ overflowX: "auto" }}>
    <svg role="img" aria-label={label} width={width} height={bars.length * rowH + 4} viewBox={`0 0 ${width} ${bars.length * rowH + 4}`}>
      {bars.map((b, i) => {
        let x = labelW;
        const total = b.parts.reduce((s, p) => s + p.value, 0);
        return (
          <g key={b.label} transform={`translate(0 ${i * rowH + 2})`}>
            <text x={labelW - 6} y={rowH / 2 + 6} textAnchor="end" fontSize={CHART_FONT_PX}>{b.label}</text>
            {b.parts.map((p, j) => {
              const w = p.value * scale;
              const rect = (
                <rect key={j} x={x} y={2} width={Math.max(0, w)} height={rowH - 6} fill={p.color} style={p.onOpen ? { cursor: "pointer" } : undefined}
                  onClick={p.onOpen} role={p.onOpen ? "button" : undefined} aria-label={`${b.label}: ${p.title} ${p.value}`}>
                  <title>{`${p.title}: ${p.value}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={x + 4} y={rowH / 2 + 6} fontSize={CHART_FONT_PX}>{total}</text>
          </g>
        );
      })}
    </svg>
    </div>
  );
}
