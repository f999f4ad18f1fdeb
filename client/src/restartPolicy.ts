/**
 * What to do when the language server process stops: restart it a bounded number of times,
 * and tell the user once (not on every restart). No VS Code import, so it is tested in node.
 */
export interface RestartDecision { restart: boolean; message?: string }

export class RestartPolicy {
  private restarts = 0;
  private told = false;
  constructor(readonly maxRestarts = 5) {}

  onClosed(): RestartDecision {
    this.restarts++;
    const restart = this.restarts <= this.maxRestarts;
    let message: string | undefined;
    if (!this.told) {
      this.told = true;
      message = restart
        ? 'Source Trace: the language server stopped and is being restarted. Details are in the Source Trace output channel.'
        : 'Source Trace: the language server keeps stopping; it will not be restarted. Reload the window to try again.';
    }
    return { restart, message };
  }
}
