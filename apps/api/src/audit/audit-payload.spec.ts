import { AUDIT_PAYLOAD_MAX_BYTES, AUDIT_PREVIEW_BYTES, capAuditPayload } from './audit-payload';
import { AuditService } from './audit.service';
import type { EntityManager, Repository } from 'typeorm';
import type { EventEntity } from './event.entity';

describe('audit payload cap (issue 14, low: unbounded audit payloads)', () => {
  it('keeps a payload that fits, as given', () => {
    const payload = { name: 'Shop', visibility: 'public' };
    expect(capAuditPayload(payload)).toEqual(payload);
  });

  it('replaces an oversized payload with a marker, its size and a preview that splits no character', () => {
    const payload = { text: 'ż'.repeat(10_000) };
    const capped = capAuditPayload(payload);
    const original = Buffer.byteLength(JSON.stringify(payload), 'utf8');
    expect(capped['truncated']).toBe(true);
    expect(capped['originalBytes']).toBe(original);
    const preview = capped['preview'] as string;
    expect(Buffer.byteLength(preview, 'utf8')).toBeLessThanOrEqual(AUDIT_PREVIEW_BYTES);
    expect(JSON.stringify(payload).startsWith(preview)).toBe(true);
    expect(preview).not.toContain('\uFFFD');
    expect(Buffer.byteLength(JSON.stringify(capped), 'utf8')).toBeLessThan(AUDIT_PAYLOAD_MAX_BYTES);
  });

  it('is applied by AuditService.record to what is stored', async () => {
    const stored: unknown[][] = [];
    const manager = {
      query: (_sql: string, params: unknown[]) => {
        stored.push(params);
        return Promise.resolve([]);
      },
    } as unknown as EntityManager;
    const service = new AuditService({ manager } as unknown as Repository<EventEntity>);
    await service.record({ actorId: null, type: 'x', payload: { big: 'a'.repeat(100_000) } });
    const json = stored[0]?.[3] as string;
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(AUDIT_PAYLOAD_MAX_BYTES);
    expect(JSON.parse(json)).toMatchObject({ truncated: true, originalBytes: 100_010 });
  });
});
