/**
 * A document that must not be made from this input (a biên bản for a desk review, an issuer whose number symbol
 * does not match it…): `message` in English for the command line, `messageVi` for the app.
 */
export class DocumentRefusedError extends Error {
  constructor(
    message: string,
    readonly messageVi: string,
  ) {
    super(message);
    this.name = "DocumentRefusedError";
  }
}
