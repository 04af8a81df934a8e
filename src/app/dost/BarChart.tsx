export interface Bar {
  label: string;
  /** Stacked parts, drawn left to right; each opens what it counts. */
  parts: { value: number; color: string; title: string; onOpen?: () => void }[];
}

/** Horizontal (stacked) bars in plain SVG: a chart for what people would rather look at than read. Every part is a
 * button that opens the inspections behind it. */
export function BarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p.value, 0)));
  const rowH = 22;
  const labelW = 150;
  const width = 560;
  const scale = (width - labelW - 50) / max;
  return (
    <svg role="img" aria-label={label} width="100%" viewBox={`0 0 ${width} ${bars.length * rowH + 4}`} style={{ maxWidth: width }}>
      {bars.map((b, i) => {
        let x = labelW;
        const total = b.parts.reduce((s, p) => s + p.value, 0);
        return (
          <g key={b.label} transform={`translate(0 ${i * rowH + 2})`}>
            <text x={labelW - 6} y={15} textAnchor="end" fontSize="12">{b.label}</text>
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
            <text x={x + 4} y={15} fontSize="12">{total}</text>
          </g>
        );
      })}
    </svg>
  );
}
