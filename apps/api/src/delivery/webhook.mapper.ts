import type { WebhookModel } from './dto/webhook.model';
import type { WebhookEntity } from './webhook.entity';

/** The secret never leaves through this mapper. */
export function toWebhookModel(entity: WebhookEntity): WebhookModel {
  return {
    id: entity.id,
    url: entity.url,
    createdAt: entity.createdAt,
    lastDeliveryAt: entity.lastDeliveryAt,
    lastStatus: entity.lastStatus,
  };
}
