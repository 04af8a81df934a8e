/** A sync request that failed: `status` 0 for no network; `message` is Vietnamese, fit for the status bar. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SyncHttpError";
  }
}
