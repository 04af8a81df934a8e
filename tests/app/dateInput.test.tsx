// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DateInput } from "../../src/app/components/DateInput";

afterEach(() => cleanup());

describe("DateInput", () => {
  it("reports a typed date once, not again on blur while the stored value has not caught up", async () => {
    const onChange = vi.fn();
    // The stored value stays null: the save of the first report has not come back through the live query yet.
    render(<DateInput label="Ngày ký" value={null} onChange={onChange} testId="d" />);
    const input = screen.getByTestId("d");
    await userEvent.setup().type(input, "05/03/2026");
    fireEvent.blur(input);
    expect(onChange.mock.calls).toEqual([["2026-03-05"]]);
  });

  it("reports a change from the stored value, and nothing when the same date is typed again", async () => {
    const onChange = vi.fn();
    const view = render(<DateInput label="Ngày ký" value="2026-03-05" onChange={onChange} testId="d" />);
    const input = screen.getByTestId("d");
    const user = userEvent.setup();
    await user.clear(input);
    await user.type(input, "05/03/2026");
    fireEvent.blur(input);
    // Emptied (null) and then back to the stored date: both real changes from what was last reported.
    expect(onChange.mock.calls).toEqual([[null], ["2026-03-05"]]);
    onChange.mockClear();
    view.rerender(<DateInput label="Ngày ký" value="2026-03-05" onChange={onChange} testId="d" />);
    fireEvent.blur(input);
    await user.type(input, "{Backspace}7");
    fireEvent.blur(input);
    expect(onChange.mock.calls).toEqual([["2027-03-05"]]);
  });
});
