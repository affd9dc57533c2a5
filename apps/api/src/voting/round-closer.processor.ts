import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { VotingJobs } from '../queue/jobs';
import { VOTING_QUEUE } from '../queue/jobs';
import { VotingService } from './voting.service';

type VotingJob = { [N in keyof VotingJobs]: Job<VotingJobs[N], unknown, N> }[keyof VotingJobs];

/**
 * Closes rounds at their deadline and re-opens undecided ones after the cooldown. One service
 * call per job; the transition is guarded by the round's state under the unit's row lock, so a
 * duplicated or retried job decides once.
 */
@Processor(VOTING_QUEUE, { concurrency: 8 })
export class RoundCloserProcessor extends WorkerHost {
  constructor(private readonly voting: VotingService) {
    super();
  }

  async process(job: VotingJob): Promise<{ state: string }> {
    switch (job.name) {
      case 'tick': {
        const { state } = await this.voting.tick(job.data.unitId, Date.now());
        return { state: state.round.state };
      }
      case 'scan-abuse':
        return { state: 'skipped' };
      default:
        return job satisfies never;
    }
  }
}
