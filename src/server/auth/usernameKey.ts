/** The one normalised form of a username, for lookup and for the login limit: "Admin" and "admin" are one account. */
export function usernameKey(username: string): string {
  return username.trim().normalize("NFC").toLowerCase();
}
