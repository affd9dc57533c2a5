import { graphql } from './graphql-client';

export interface Health {
  readonly status: string;
  readonly postgres: string;
  readonly queue: string;
  readonly queueBackend: string;
}

export interface Me {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export function fetchStatus(): Promise<{ health: Health; me: Me | null }> {
  return graphql<{ health: Health; me: Me | null }>(
    'query Status { health { status postgres queue queueBackend } me { id email displayName } }',
  );
}

export async function signIn(email: string, password: string): Promise<Me> {
  const data = await graphql<{ signIn: Me }, { input: { email: string; password: string } }>(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id email displayName } }',
    { input: { email, password } },
  );
  return data.signIn;
}

export async function signOut(): Promise<void> {
  await graphql<{ signOut: boolean }>('mutation SignOut { signOut }');
}
