import { configure } from "@testing-library/dom";

// The suite shares two cores with PostgreSQL, Chromium and the sync simulation: Testing Library's 1 s default for
// findBy/waitFor measures the machine's load, not the app. A real hang still fails, at 10 s.
configure({ asyncUtilTimeout: 10_000 });
