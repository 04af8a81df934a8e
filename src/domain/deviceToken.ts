/** One signed-in device of an account, as GET /api/auth/devices and GET /api/users/:id/tokens answer it. */
export interface DeviceToken {
  /** Public id of the token (first 16 hex digits of its sha256), to revoke it. */
  id: string;
  /** The device id the login named, or null for a token issued before logins named their device. */
  device: string | null;
  userAgent: string;
  issuedAt: string | null;
  lastUsedAt: string | null;
  /** When the token stops working unless it is used before: the idle limit, or its absolute end if sooner. */
  expiresAt: string;
  /** Whether this is the token of the request that asked. */
  current: boolean;
}
