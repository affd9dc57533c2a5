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

export const DELIVERY_QUEUE = 'delivery';

export interface DeliveryJobs {
  /** Rebuild every bundle of a project; coalesced per project (jobId `rebuild:<projectId>`). */
  'rebuild-bundles': { readonly projectId: string };
  /** POST one signed change notification to one webhook. */
  webhook: { readonly webhookId: string; readonly body: string };
}

export type DeliveryJobName = keyof DeliveryJobs;

export const VOTING_QUEUE = 'voting';

export interface VotingJobs {
  /**
   * Re-evaluates a unit at a round's deadline or cooldown end, or after votes in a round that may
   * decide early (`early`, debounced) (libs/voting `tick`). Safe to repeat.
   */
  tick: {
    readonly unitId: string;
    readonly roundId: string;
    readonly reason: 'deadline' | 'cooldown' | 'early';
  };
  /** Periodic abuse-signal scan of one project. */
  'scan-abuse': { readonly projectId: string };
}

export const CATALOGUE_QUEUE = 'catalogue';

export interface CatalogueJobs {
  /** Import a stored upload (`import_upload.id`, also the job id); safe to repeat. */
  import: { readonly uploadId: string };
  /** Delete finished and failed uploads past their retention (hourly job scheduler). */
  'purge-uploads': { readonly requestedAt: number };
}

export const NOTIFICATION_QUEUE = 'notification';

export interface NotificationJobs {
  /** Mails each user their unread, not yet mailed notifications (job scheduler, SMTP_URL set). */
  'email-digest': { readonly requestedAt: number };
}
