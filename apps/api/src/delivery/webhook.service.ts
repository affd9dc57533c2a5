import { Injectable, Logger } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../identity/access.service';
import { ProjectEntity } from '../catalogue/project.entity';
import { BundleRebuildProducer } from './bundle-rebuild.producer';
import type { ChangedBundle } from './bundle-build.service';
import { deliveryError } from './delivery.errors';
import { WebhookEntity } from './webhook.entity';

export const SIGNATURE_HEADER = 'X-Chorus-Signature';
const DELIVERY_TIMEOUT_MS = 10_000;

/** `sha256=<hex HMAC-SHA256 of the body>`, the value of X-Chorus-Signature. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly producer: BundleRebuildProducer,
  ) {}

  async add(userId: string, slug: string, url: string): Promise<CreatedWebhook> {
    const target = parseWebhookUrl(url);
    const project = await this.managedProject(userId, slug);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
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
   * exponential backoff; a webhook removed meanwhile is skipped.
   */
  async deliver(webhookId: string, body: string, now: Date): Promise<number | null> {
    const hook = await this.dataSource
      .getRepository(WebhookEntity)
      .findOne({ where: { id: webhookId } });
    if (hook === null) return null;
    let status = 0;
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'chorus-webhook/1',
          [SIGNATURE_HEADER]: signBody(hook.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      status = response.status;
      await response.body?.cancel();
    } finally {
      await this.dataSource
        .getRepository(WebhookEntity)
        .update({ id: webhookId }, { lastDeliveryAt: now, lastStatus: status });
    }
    if (status < 200 || status >= 300) {
      this.logger.warn(`webhook ${webhookId} answered ${status}; will retry`);
      throw new Error(`webhook ${hook.url} answered HTTP ${status}`);
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

/** http(s) URLs only, without credentials; returned normalised. */
export function parseWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw deliveryError('INVALID_WEBHOOK_URL', `"${raw}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw deliveryError(
      'INVALID_WEBHOOK_URL',
      'A webhook URL must start with https:// or http://.',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw deliveryError(
      'INVALID_WEBHOOK_URL',
      'A webhook URL must not contain a user name or password; verify the signature instead.',
    );
  }
  return url.toString();
}
