/**
 * The one typed map of queues, job names and payloads. Producers are the only callers of
 * `queue.add`, and job ids are deterministic so a repeated enqueue is a no-op.
 */
export const MAINTENANCE_QUEUE = 'maintenance';

export interface MaintenanceJobs {
  /** A no-op round trip through the queue; proves a worker is alive (health check, tests). */
  ping: { readonly requestedAt: number; readonly nonce: string };
}

export type MaintenanceJobName = keyof MaintenanceJobs;

export interface PingResult {
  readonly nonce: string;
  readonly processedAt: number;
  readonly workerPid: number;
}
