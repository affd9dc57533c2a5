import { document } from '../graphql-client';
import type { Health, Me } from './types';

export const STATUS = document<{ health: Health; me: Me | null }>(
  'query Status { health { status postgres queue queueBackend } me { id email displayName } }',
);

export const SIGN_IN = document<{ signIn: Me }, { input: { email: string; password: string } }>(
  'mutation SignIn($input: SignInInput!) { signIn(input: $input) { id email displayName } }',
);

export const SIGN_UP = document<
  { signUp: Me },
  { input: { email: string; password: string; displayName: string } }
>('mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email displayName } }');

export const SIGN_OUT = document<{ signOut: boolean }>('mutation SignOut { signOut }');
