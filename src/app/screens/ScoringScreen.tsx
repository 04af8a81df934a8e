import { useEffect, useMemo, useRef } from "react";
import type { Checklist } from "../../domain/checklist";
import type { Outcome } from "../../domain/outcome";
import { useAutoAdvance } from "../hooks/useAutoAdvance";
import type { InspectionData } from "../hooks/useInspectionData";
import { formatNumber } from "../i18n/formatNumber";
import { useWideLayout } from "../hooks/useWideLayout";
import { useT } from "../i18n/useT";
import { navigate } from "../router/navigate";
import { CriterionPanel } from "./CriterionPanel";
import { criteriaOf } from "./criteriaOf";

interface Props {
  data: InspectionData;
  checklist: Checklist;
  locked: boolean;
  current: string | undefined;
}

/** Sections → items → criteria with progress per section; the chosen criterion is in the route, for resume. */
export function ScoringScreen({ data, checklist, locked, current }: Props) {
  const t = useT();
  const wide = useWideLayout();
  const id = data.inspection!.id;
  const all = useMemo(() => criteriaOf(checklist), [checklist]);
  const answered = (code: string) => Boolean(data.results.get(code)?.outcome);
  const chosen = all.find((c) => c.criterion.code === current) ?? all.find((c) => !answered(c.criterion.code)) ?? all[0];
  const go = (code: string) => navigate(`/i/${id}/score`, { c: code }, true);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    // Pin the criterion in the route, so answering it does not move the screen on to the next unanswered one.
    if (chosen && current !== chosen.criterion.code) go(chosen.criterion.code);
    // Moving to another criterion brings its panel into view; opening the screen keeps the page where it is.
    if (shown.current !== null && shown.current !== chosen?.criterion.code) document.getElementById("criterion-panel")?.scrollIntoView?.({ block: "start" });
    shown.current = chosen?.criterion.code ?? null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the chosen criterion changes, not on every render
  }, [chosen?.criterion.code]);

  const nextUnanswered = () => {
    const start = all.findIndex((c) => c === chosen);
    const order = [...all.slice(start + 1), ...all.slice(0, start + 1)];
    return order.find((c) => !answered(c.criterion.code));
  };
  const next = nextUnanswered();
  const [autoAdvance, setAutoAdvance] = useAutoAdvance();
  // Đạt and Lưu ý need nothing more (no severity, no reason): the next unanswered criterion opens by itself if asked.
  const onScored = (o: Outcome) => {
    if (!autoAdvance || (o !== "conform" && o !== "observation")) return;
    const after = nextUnanswered();
    if (after && after !== chosen) go(after.criterion.code);
  };

  return (
    <div className="scoring">
      <nav aria-label={t("scoring")}>
        {/* In portrait the list folds away above the criterion, keeping one thumb's reach to the outcome buttons. */}
        <details key={wide ? "wide" : "narrow"} open={wide} className="crit-list">
          <summary>
            {t("criteriaList")}:{" "}
            {checklist.sections
              .filter((s) => s.scored)
              .map((s) => {
                const crit = s.items.flatMap((i) => i.criteria);
                return `${s.code} ${crit.filter((c) => answered(c.code)).length}/${crit.length}`;
              })
              .join(" · ")}
          </summary>
        {checklist.sections.map((s) => {
          const crit = s.items.flatMap((i) => i.criteria);
          const done = crit.filter((c) => answered(c.code)).length;
          return (
            <details key={s.code} open={chosen?.section.code === s.code}>
              <summary>
                <span style={{ flex: 1 }}>
                  {s.code}. {s.title}
                </span>
                {s.scored && (
                  <span data-testid={`progress-${s.code}`} className="muted">
                    {t("progress", { done: formatNumber(done), total: formatNumber(crit.length) })}
                  </span>
                )}
              </summary>
              {s.scored ? (
                <>
                  <div className="progress" aria-hidden="true">
                    <div style={{ width: `${crit.length ? (done / crit.length) * 100 : 0}%` }} />
                  </div>
                  {s.items.map((item) => (
                    <div key={item.code}>
                      <h3>
                        {item.code} {item.title}
                      </h3>
                      {item.criteria.map((c) => {
                        const r = data.results.get(c.code);
                        return (
                          <button
                            key={c.code}
                            type="button"
                            className="crit-link"
                            aria-current={chosen?.criterion.code === c.code ? "true" : undefined}
                            data-testid={`crit-${c.code}`}
                            onClick={() => go(c.code)}
                          >
                            <span>{c.code}</span>
                            <span>{r?.outcome ? "✓" : "○"}</span>
                          </button>
                        );
                      })}
                    </div>
                  ))}
                </>
              ) : (
                <p className="muted">{t("notScored")}</p>
              )}
            </details>
          );
        })}
        </details>
      </nav>
      <div id="criterion-panel">
        {chosen && <CriterionPanel key={chosen.criterion.code} inspectionId={id} at={chosen} result={data.results.get(chosen.criterion.code)} attachments={data.attachments} locked={locked} outcomes={checklist.outcomes} onScored={onScored} />}
        <div className="bottom-bar">
          {next ? (
            <button type="button" className="primary" onClick={() => go(next.criterion.code)} data-testid="next-unanswered">
              {t("nextUnanswered")} ({next.criterion.code})
            </button>
          ) : (
            <>
              <span role="status">{t("allAnswered")}</span>
              <button type="button" className="primary" onClick={() => navigate(`/i/${id}/findings`)} data-testid="next-findings">
                {t("nextFindings")}
              </button>
            </>
          )}
          <label className="check">
            <input type="checkbox" checked={autoAdvance} onChange={(e) => setAutoAdvance(e.target.checked)} data-testid="auto-advance" />
            {t("autoAdvance")}
          </label>
        </div>
      </div>
    </div>
  );
}
