import { describe, expect, it } from "vitest";
import { dostIssuerOf } from "../../src/domain/DostIssuer";
import { EMPTY_ISSUER_FIELDS } from "../../src/domain/issuerSettings";
import { dostHeader } from "../../src/report/dost/dostHeader";

describe("DOST documents take the symbol the province set for their kind", () => {
  it("plan, notice and report numbers use the kind's symbol; unset kinds fall back to the kind code and the body's abbreviation", () => {
    const f = { ...EMPTY_ISSUER_FIELDS, issuingBody: "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG", place: "Nghệ An", symbols: { ...EMPTY_ISSUER_FIELDS.symbols, plan: "KH-CCTĐC" } };
    const issuer = dostIssuerOf(f);
    expect(dostHeader(issuer, "KH", "3", "2026-01-05").numberLine).toBe("Số: 03/KH-CCTĐC");
    expect(dostHeader(issuer, "TB", "12", "2026-01-05").numberLine).toBe("Số: 12/TB-CCTCĐLCL");
    expect(dostHeader(issuer, "BC", "12/BC-SKHCN", "2026-01-05").numberLine).toBe("Số: 12/BC-SKHCN");
    expect(dostHeader(issuer, "KH", "", "2026-01-05").placeDate).toBe("Nghệ An, ngày 05 tháng 01 năm 2026");
  });
});
