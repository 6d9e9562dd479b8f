/** A problem that stops Baton from starting; main prints its message as one line and exits 1. */
export class StartupError extends Error {
  override name = 'StartupError';
}
