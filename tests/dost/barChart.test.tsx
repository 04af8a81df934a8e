// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BarChart } from "../../src/app/dost/BarChart";

afterEach(cleanup);

describe("BarChart", () => {
  it("draws its labels at 14 px or more, never scaled down, and every part opens its list", () => {
    const opened: string[] = [];
    const bars = ["I.a.1", "I.đ.2", "II.c.1"].map((code, i) => ({
      label: code,
      parts: [{ value: i + 1, color: "#c62828", title: "Không đạt", onOpen: () => opened.push(code) }],
    }));
    render(<BarChart label="Kết quả theo nội dung" bars={bars} />);
    const svg = screen.getByRole("img", { name: "Kết quả theo nội dung" });
    const texts = [...svg.querySelectorAll("text")];
    expect(texts.map((t) => t.textContent)).toEqual(["I.a.1", "1", "I.đ.2", "2", "II.c.1", "3"]);
    for (const t of texts) expect(Number(t.getAttribute("font-size")), t.textContent!).toBeGreaterThanOrEqual(14);
    // One viewBox unit is one CSS pixel: the drawing is not shrunk to fit, so the font size is what the reader sees.
    const [, , vw, vh] = svg.getAttribute("viewBox")!.split(" ").map(Number);
    expect([Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))]).toEqual([vw, vh]);
    for (const r of svg.querySelectorAll("rect")) r.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(opened).toEqual(["I.a.1", "I.đ.2", "II.c.1"]);
  });
});
