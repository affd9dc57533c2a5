import { Injectable } from '@nestjs/common';
import { LoadGate } from '../common/concurrency/load-gate';

/**
 * Translation-memory lookups run at once per API process. One is a trigram search over the
 * project's source texts: 160 ms of Postgres for a 50,000-string project whose texts repeat
 * ("Delete budget", "Edit budget", …), and every string page asks for one. More at once would
 * only queue inside Postgres, holding connections that votes and claims need; the rest wait
 * here, before asking for one.
 */
export const MEMORY_LOOKUPS = 2;

@Injectable()
export class MemoryLookups extends LoadGate {
  constructor() {
    super(MEMORY_LOOKUPS);
  }
}
