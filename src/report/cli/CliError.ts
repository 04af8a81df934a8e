/** A command-line failure whose message is shown as is, on one line, without a stack trace. */
export class CliError extends Error {}
