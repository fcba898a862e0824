/**
 * A fault that an emulated cluster injects into every API request it serves.
 * Switches combine: latency is added before any of the others.
 *
 * @public
 */
export interface EmulatorFault {
  /** Delay every answer by this many milliseconds. */
  latencyMs?: number;
  /**
   * Never answer. `true` holds the request until the client gives up (or the
   * emulator closes); a number of milliseconds drops the connection after that
   * long, like an idle timeout on a load balancer in front of the API server.
   */
  timeout?: boolean | number;
  /** Answer with this HTTP status and a Kubernetes `Status` body. */
  status?: 401 | 403 | 500;
  /** Answer 200 with a body that is not valid JSON. */
  malformedJson?: boolean;
}

/**
 * Options of {@link startKubeApiEmulator}.
 *
 * @public
 */
export interface KubeApiEmulatorOptions {
  /**
   * The folder holding one sub-folder of fixtures per cluster. Defaults to the
   * demo clusters shipped with this package.
   */
  clustersDir?: string;
  /** Which clusters to serve, in this order. Defaults to every folder, sorted. */
  clusters?: string[];
  /**
   * The port of the first cluster; the next clusters get the following ports.
   * 0 (the default) gives every cluster a random free port.
   */
  port?: number;
  /** The interface to listen on. Defaults to 127.0.0.1. */
  host?: string;
  /** The bearer token every cluster accepts. Defaults to {@link DEFAULT_EMULATOR_TOKEN}. */
  token?: string;
  /** Faults to start with, by cluster name; they replace the fixtures' own. */
  faults?: Record<string, EmulatorFault | undefined>;
}

/**
 * One emulated cluster, as a kubernetes backend cluster entry needs it.
 *
 * @public
 */
export interface EmulatedCluster {
  name: string;
  /** The API server's base URL, e.g. `http://127.0.0.1:7441`. */
  url: string;
  /** The bearer token it accepts. */
  token: string;
}

/**
 * A running emulator.
 *
 * @public
 */
export interface KubeApiEmulator {
  clusters: EmulatedCluster[];
  /** Sets (or with `undefined` clears) the fault of one cluster. */
  setFault(cluster: string, fault: EmulatorFault | undefined): void;
  /**
   * Changes an authored object of one cluster with a JSON merge patch, as
   * `PATCH /_emulator/clusters/<cluster>/objects/<ref>` does, and returns it
   * as now served. `ref` is `<Kind>/<namespace>/<name>` (`<Kind>/<name>` for
   * cluster-scoped objects); a top-level `emulator` field patches the
   * object's runtime hints.
   */
  patchObject(
    cluster: string,
    ref: string,
    patch: unknown,
  ): Record<string, any>;
  /** Undoes every patch of one cluster: it serves its fixtures again. */
  resetObjects(cluster: string): void;
  /** API requests received, by one cluster or all of them (control calls excluded). */
  requestCount(cluster?: string): number;
  /** Stops listening and drops open connections, held ones included. */
  close(): Promise<void>;
}

/**
 * The token the emulator accepts unless told otherwise. A fixed demo value,
 * not a secret: the emulator holds no real data.
 *
 * @public
 */
export const DEFAULT_EMULATOR_TOKEN = 'demo-cluster-token';
