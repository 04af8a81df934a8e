/** A sync request that failed: `status` 0 for no network; `message` is Vietnamese, fit for the status bar. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem+json body of the answer, when it had one (a refused bundle lists its refused changes). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "SyncHttpError";
  }
}
