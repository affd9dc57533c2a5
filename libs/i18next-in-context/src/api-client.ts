/** The GraphQL calls the panel makes, with the session cookie and the CSRF header Chorus needs. */

export interface Form {
  readonly category: string;
  readonly text: string;
}

export interface ChorusString {
  readonly id: string;
  readonly key: string;
  readonly namespace: string;
  readonly kind: string;
  readonly context: string | null;
  readonly description: string | null;
  readonly maxLength: number | null;
  readonly locked: boolean;
  readonly status: string;
  readonly sourceForms: readonly Form[];
  readonly requiredForms: readonly { readonly category: string; readonly examples: string }[];
}

export interface Candidate {
  readonly id: string;
  readonly forms: readonly Form[];
  readonly isMine: boolean;
  readonly myVote: number | null;
  readonly eligible: boolean;
  readonly author: { readonly displayName: string } | null;
  readonly tally: { readonly upvoters: number; readonly downvoters: number } | null;
}

export interface CandidateList {
  readonly hasVoted: boolean;
  readonly candidates: readonly Candidate[];
}

export interface GlossaryHit {
  readonly term: string;
  readonly translation: string | null;
  readonly doNotTranslate: boolean;
}

/** A GraphQL error with Chorus's stable code (`extensions.code`). */
export class ChorusApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChorusApiError';
  }
}

const STRING_FIELDS = `id key namespace kind context description maxLength locked status
  sourceForms { category text } requiredForms { category examples }`;
const CANDIDATE_FIELDS = `hasVoted candidates { id isMine myVote eligible forms { category text }
  author { displayName } tally { upvoters downvoters } }`;

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The key regions sent with a screenshot (whole pixels inside the image). */
export interface ScreenshotRegion {
  readonly namespace: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export class ChorusClient {
  private readonly base: string;
  private readonly url: string;

  constructor(
    apiUrl: string,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
  ) {
    this.base = apiUrl.replace(/\/+$/, '');
    this.url = `${this.base}/graphql`;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await this.fetchImpl(this.url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-chorus-csrf': '1' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: T | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const first = body.errors?.[0];
    if (first !== undefined) {
      throw new ChorusApiError(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR', first.message);
    }
    if (body.data === undefined || body.data === null) {
      throw new ChorusApiError('HTTP_ERROR', `Chorus answered ${response.status}.`);
    }
    return body.data;
  }

  async me(): Promise<{ displayName: string } | null> {
    return (await this.request<{ me: { displayName: string } | null }>('{ me { displayName } }'))
      .me;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.request('mutation($input: SignInInput!) { signIn(input: $input) { displayName } }', {
      input: { email, password },
    });
  }

  async stringByKey(
    project: string,
    locale: string,
    namespace: string,
    key: string,
  ): Promise<ChorusString> {
    const data = await this.request<{ stringByKey: ChorusString }>(
      `query($project: String!, $locale: String!, $namespace: String!, $key: String!) {
        stringByKey(project: $project, locale: $locale, namespace: $namespace, key: $key) { ${STRING_FIELDS} } }`,
      { project, locale, namespace, key },
    );
    return data.stringByKey;
  }

  async candidates(stringId: string, locale: string): Promise<CandidateList> {
    const data = await this.request<{ candidates: CandidateList }>(
      `query($stringId: ID!, $locale: String!) { candidates(stringId: $stringId, locale: $locale) { ${CANDIDATE_FIELDS} } }`,
      { stringId, locale },
    );
    return data.candidates;
  }

  async submit(stringId: string, locale: string, forms: readonly Form[]): Promise<void> {
    await this.request(
      `mutation($input: SubmitTranslationInput!) { submitTranslation(input: $input) { candidate { id } } }`,
      { input: { stringId, locale, forms } },
    );
  }

  async vote(candidateId: string, value: 1 | -1): Promise<CandidateList> {
    const data = await this.request<{ castVote: CandidateList }>(
      `mutation($id: ID!, $value: Int!) { castVote(candidateId: $id, value: $value) { ${CANDIDATE_FIELDS} } }`,
      { id: candidateId, value },
    );
    return data.castVote;
  }

  /**
   * Whether the viewer should join before a first write in `locale`: an open project (open-call)
   * offers joining as a translator; members with other roles and joined translators need not.
   * Null when this Chorus has no open projects (the field is missing) or the query fails.
   */
  async shouldJoin(project: string, locale: string): Promise<boolean | null> {
    try {
      const data = await this.request<{
        project: { viewerCan: { canJoin: boolean; joinedLocales: string[]; roles: string[] } };
      }>('query($p: String!) { project(slug: $p) { viewerCan { canJoin joinedLocales roles } } }', {
        p: project,
      });
      const can = data.project.viewerCan;
      return (
        can.canJoin &&
        !can.joinedLocales.includes(locale) &&
        can.roles.every((role) => role === 'translator')
      );
    } catch {
      return null;
    }
  }

  /** Whether the project's owner lets the panel upload screenshots; false when unknown. */
  async screenshotsAllowed(project: string): Promise<boolean> {
    try {
      const data = await this.request<{ project: { inContextScreenshots: boolean } }>(
        'query($p: String!) { project(slug: $p) { inContextScreenshots } }',
        { p: project },
      );
      return data.project.inContextScreenshots;
    } catch {
      return false;
    }
  }

  /**
   * Uploads a screenshot with its key regions (multipart: `image`, `regions` as JSON), with the
   * session cookie and the CSRF header. Errors carry Chorus's code (SCREENSHOTS_DISABLED, …).
   */
  async uploadScreenshot(
    project: string,
    image: Blob,
    regions: readonly ScreenshotRegion[],
  ): Promise<{ id: string; regions: number }> {
    const form = new FormData();
    const extension = image.type.replace('image/', '').replace('jpeg', 'jpg');
    form.set('image', image, `screen.${extension}`);
    form.set('regions', JSON.stringify(regions));
    const response = await this.fetchImpl(
      `${this.base}/api/projects/${encodeURIComponent(project)}/screenshots`,
      {
        method: 'POST',
        credentials: 'include',
        headers: { 'x-chorus-csrf': '1' },
        body: form,
      },
    );
    const body = (await response.json().catch(() => ({}))) as {
      id?: string;
      regions?: number;
      error?: { code?: string; message?: string };
    };
    if (!response.ok || body.id === undefined) {
      throw new ChorusApiError(
        body.error?.code ?? 'HTTP_ERROR',
        body.error?.message ?? `Chorus answered ${response.status}.`,
      );
    }
    return { id: body.id, regions: body.regions ?? regions.length };
  }

  /** Open projects: join as a translator of `locale` (join on first use). */
  async join(project: string, locale: string): Promise<void> {
    await this.request(
      'mutation($p: String!, $l: String!) { joinProject(project: $p, locale: $l) { id } }',
      {
        p: project,
        l: locale,
      },
    );
  }

  /**
   * Glossary terms found in `text` with their approved translations (docs/glossary.md). Optional:
   * a Chorus without the glossary, or one that refuses the query, leaves the section out (null).
   */
  async glossaryHits(project: string, locale: string, text: string): Promise<GlossaryHit[] | null> {
    try {
      const data = await this.request<{
        glossaryHits: {
          term: { term: string; translation: string | null; doNotTranslate: boolean };
        }[];
      }>(
        `query($p: String!, $l: String!, $t: String!) { glossaryHits(project: $p, locale: $l, text: $t) { term { term translation doNotTranslate } } }`,
        { p: project, l: locale, t: text },
      );
      const terms = new Map<string, GlossaryHit>();
      for (const hit of data.glossaryHits) terms.set(hit.term.term, hit.term);
      return [...terms.values()];
    } catch {
      return null;
    }
  }
}
