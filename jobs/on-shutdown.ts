import type { Logger } from "../domain/log/create-logger.ts";

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits. A second signal, or a stop
 * taking longer than `graceMs`, exits at once.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>, graceMs = 25_000): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "arrêt demandé");
    const timer = setTimeout(() => {
      logger.error({ graceMs }, "arrêt trop long, sortie forcée");
      process.exit(1);
    }, graceMs);
    timer.unref();
    stop().then(
      () => {
        logger.info("arrêté proprement");
        process.exit(0);
      },
      (error) => {
        logger.error({ err: error }, "arrêt en erreur");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
