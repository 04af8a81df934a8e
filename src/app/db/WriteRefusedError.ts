/** A local edit the data layer refuses (a finalized inspection, an invalid value); `message` is Vietnamese. */
export class WriteRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteRefusedError";
  }
}
