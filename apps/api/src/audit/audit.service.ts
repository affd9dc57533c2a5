import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { JsonValue } from '../common/errors/app-error';
import { capAuditPayload } from './audit-payload';
import { EventEntity } from './event.entity';

export interface AuditEntry {
  readonly actorId: string | null;
  readonly projectId?: string | null;
  readonly type: string;
  readonly payload?: { [key: string]: JsonValue };
}

/**
 * Appends to the event log; pass the transaction's manager so the entry commits with the change.
 * Payloads are capped (capAuditPayload) so the log's growth per event is bounded.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(EventEntity) private readonly events: Repository<EventEntity>) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.events.manager).query(
      'INSERT INTO event (actor_id, project_id, type, payload) VALUES ($1, $2, $3, $4::jsonb)',
      [
        entry.actorId,
        entry.projectId ?? null,
        entry.type,
        JSON.stringify(capAuditPayload(entry.payload ?? {})),
      ],
    );
  }
}
