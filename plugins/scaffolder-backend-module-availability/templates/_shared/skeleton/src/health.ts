/**
 * Whether the service should receive traffic. Liveness does not read this:
 * a draining process is alive, and restarting it would cut its requests.
 */
export class Health {
  #started = false;

  #draining = false;

  /** Called once the server listens and its dependencies answer. */
  markStarted(): void {
    this.#started = true;
  }

  /** Called first on shutdown, so readiness fails before the server stops accepting. */
  startDraining(): void {
    this.#draining = true;
  }

  get ready(): boolean {
    return this.#started && !this.#draining;
  }

  get draining(): boolean {
    return this.#draining;
  }
}
