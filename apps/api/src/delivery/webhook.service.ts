import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env.schema';
import { AccessService } from '../identity/access.service';
import { ProjectEntity } from '../catalogue/project.entity';
import { BundleRebuildProducer } from './bundle-rebuild.producer';
import type { ChangedBundle } from './bundle-build.service';
import { deliveryError } from './delivery.errors';
import { WebhookEntity } from './webhook.entity';
import { postPinned } from './webhook-http';
import {
  checkWebhookUrl,
  parseAllowList,
  resolveWebhookTarget,
  systemResolver,
  WebhookTargetRefused,
  type Resolver,
  type WebhookAllowList,
} from './webhook-target';

export const SIGNATURE_HEADER = 'X-Chorus-Signature';
export const TIMESTAMP_HEADER = 'X-Chorus-Timestamp';
const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the value of X-Chorus-Signature. The
 * timestamp (Unix seconds, sent as X-Chorus-Timestamp) is signed with the body, so a receiver
 * that refuses old timestamps cannot be fed a recorded delivery again.
 */
export function signBody(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8');
  return `sha256=${mac.digest('hex')}`;
}

export interface BundleChange {
  readonly projectSlug: string;
  readonly projectId: string;
  readonly changed: readonly ChangedBundle[];
  readonly bundleSetHash: string;
  readonly seq: string;
}

export interface CreatedWebhook {
  readonly webhook: WebhookEntity;
  /** Shown once. */
  readonly secret: string;
}

/** Webhooks: registration (owners and developers) and signed delivery through the queue. */
@Injectable()
export class WebhookService {
  private readonly logger = new Logger(WebhookService.name);
  private readonly allow: WebhookAllowList;
  /** Replaced by tests to stand in for DNS (e.g. a name that rebinds). */
  resolver: Resolver = systemResolver;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly producer: BundleRebuildProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.allow = parseAllowList(config.webhookAllowedHosts);
  }

  async add(userId: string, slug: string, url: string): Promise<CreatedWebhook> {
    const target = checkWebhookUrl(url, this.allow);
    const project = await this.managedProject(userId, slug);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      // The project row lock serialises concurrent adds, so the cap below cannot be raced past.
      await manager.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [project.id]);
      const count = await manager.count(WebhookEntity, { where: { projectId: project.id } });
      if (count >= this.config.webhookMaxPerProject) {
        throw deliveryError(
          'WEBHOOK_LIMIT',
          `Project "${slug}" already has ${count} webhooks, the most allowed; remove one first.`,
        );
      }
      const exists = await manager.findOne(WebhookEntity, {
        where: { projectId: project.id, url: target },
      });
      if (exists !== null) {
        throw deliveryError(
          'WEBHOOK_EXISTS',
          `Project "${slug}" already calls ${target}. Remove it first to get a new secret.`,
        );
      }
      const webhook = manager.create(WebhookEntity, {
        projectId: project.id,
        url: target,
        secret,
        createdBy: userId,
      });
      await manager.save(webhook);
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'webhook.added',
          payload: { webhookId: webhook.id, url: target },
        },
        manager,
      );
      return { webhook, secret };
    });
  }

  async list(userId: string, slug: string): Promise<WebhookEntity[]> {
    const project = await this.managedProject(userId, slug);
    return this.dataSource
      .getRepository(WebhookEntity)
      .find({ where: { projectId: project.id }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async remove(userId: string, slug: string, id: string): Promise<void> {
    const project = await this.managedProject(userId, slug);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(WebhookEntity, { id, projectId: project.id });
      if ((result.affected ?? 0) === 0) {
        throw deliveryError('WEBHOOK_NOT_FOUND', `Project "${slug}" has no webhook ${id}.`);
      }
      await this.audit.record(
        {
          actorId: userId,
          projectId: project.id,
          type: 'webhook.removed',
          payload: { webhookId: id },
        },
        manager,
      );
    });
  }

  /** Enqueues one signed delivery per webhook of the project for a rebuild that changed bundles. */
  async notify(change: BundleChange): Promise<number> {
    if (change.changed.length === 0) return 0;
    const hooks = (await this.dataSource.query('SELECT id FROM webhook WHERE project_id = $1', [
      change.projectId,
    ])) as { id: string }[];
    if (hooks.length === 0) return 0;
    const body = JSON.stringify({
      project: change.projectSlug,
      changed: change.changed.map((c) => ({
        locale: c.locale,
        namespace: c.namespace,
        hash: c.hash,
      })),
      bundleSetHash: change.bundleSetHash,
    });
    const key = `${change.seq}-${change.bundleSetHash.slice(0, 16)}`;
    for (const hook of hooks) await this.producer.enqueueWebhook(hook.id, key, body);
    return hooks.length;
  }

  /**
   * POSTs one notification. A non-2xx answer or a network error throws, so BullMQ retries with
   * exponential backoff; a webhook removed meanwhile is skipped. A target that resolves to a
   * non-public address is never called and not retried. The client sees only the HTTP status
   * (0 for refused, unreachable or timed out alike), so the status is no oracle for internal hosts.
   */
  async deliver(webhookId: string, body: string, now: Date): Promise<number | null> {
    const hook = await this.dataSource
      .getRepository(WebhookEntity)
      .findOne({ where: { id: webhookId } });
    if (hook === null) return null;
    const timestamp = Math.floor(now.getTime() / 1000);
    let status = 0;
    let refused: WebhookTargetRefused | null = null;
    try {
      const url = new URL(hook.url);
      const target = await resolveWebhookTarget(url, this.allow, this.resolver);
      status = await postPinned(
        url,
        target,
        {
          'content-type': 'application/json',
          'user-agent': 'chorus-webhook/1',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signBody(hook.secret, timestamp, body),
        },
        body,
        DELIVERY_TIMEOUT_MS,
      );
    } catch (error) {
      if (error instanceof WebhookTargetRefused) refused = error;
      else this.logger.warn(`webhook ${webhookId} failed: ${String(error)}`);
    } finally {
      await this.dataSource
        .getRepository(WebhookEntity)
        .update({ id: webhookId }, { lastDeliveryAt: now, lastStatus: status });
    }
    if (refused !== null) {
      this.logger.warn(`webhook ${webhookId} refused: ${refused.message}`);
      throw new UnrecoverableError(`webhook ${webhookId}: target refused by policy`);
    }
    if (status < 200 || status >= 300) {
      this.logger.warn(`webhook ${webhookId} answered ${status}; will retry`);
      throw new Error(`webhook ${webhookId} delivery failed (status ${status})`);
    }
    return status;
  }

  private async managedProject(userId: string, slug: string): Promise<ProjectEntity> {
    const project = await this.dataSource.getRepository(ProjectEntity).findOne({ where: { slug } });
    const member =
      project !== null &&
      (project.visibility === 'public' ||
        (await this.access.membershipsOf(project.id, userId)).length > 0);
    if (project === null || !member) {
      throw deliveryError('PROJECT_NOT_FOUND', `No project "${slug}" is visible to you.`);
    }
    await this.access.require(userId, project, 'webhook.manage');
    return project;
  }
}
