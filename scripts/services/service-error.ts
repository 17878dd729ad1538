/**
 * A failure to report as is: its message is French, says what to do, and never holds a
 * password. The CLI prints it and exits with code 1.
 */
export class ServiceError extends Error {
  override name = "ServiceError";
}
