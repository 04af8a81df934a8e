/** Failed logins counted per username and per client address within a sliding window (in the database). */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perUser: 10,
  perAddress: 50,
} as const;
