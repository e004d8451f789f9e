/**
 * Listens for Ctrl-C, SIGTERM and SIGHUP while the writer works, so that it can stop between two
 * files and remove its staging folder instead of dying half-way. A second signal ends the process
 * at once (the default action), for when cleaning up itself hangs.
 */
export function watchSignals(): { signal(): NodeJS.Signals | undefined; stop(): void } {
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      stop();
      process.kill(process.pid, signal);
    } else received = signal;
  };
  const stop = (): void => {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    process.removeListener('SIGHUP', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return { signal: () => received, stop };
}
