import type { Request, Response } from 'express';

/** Who is calling: resolved once per request by the AuthGuard. */
export interface Principal {
  readonly userId: string;
  readonly sessionId: string;
}

export interface ChorusRequest extends Request {
  principal?: Principal | null;
  /** A session cookie was sent but is unknown or expired. */
  staleSession?: boolean;
}

export interface GraphqlContext {
  readonly req: ChorusRequest;
  readonly res: Response;
}
