import { type MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** OWASP ASVS level 1 (V2.1): at least 12 characters, at most 128, nothing common or personal. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn scores 0–4; 3 is "safely unguessable" (about 10^8 guesses and up). */
const MIN_SCORE = 3;

export type WeakPasswordReason =
  'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_EMAIL' | 'COMMON_PASSWORD' | 'TOO_GUESSABLE';

export interface PasswordVerdict {
  readonly reason: WeakPasswordReason;
  readonly message: string;
}

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  // Built once: loading the dictionaries costs tens of milliseconds.
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return checker;
}

function isCommonPassword(match: MatchExtended): boolean {
  return match.pattern === 'dictionary' && match.dictionaryName === 'passwords-common';
}

/**
 * Why a new password is refused, or null when it is acceptable. Length counts code points after
 * nothing is trimmed (spaces are allowed: passphrases are encouraged), so ten spaces are short
 * and twelve fail the guessability check.
 */
export function weakPasswordReason(password: string, email: string): PasswordVerdict | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return {
      reason: 'TOO_SHORT',
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a good one.`,
    };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return {
      reason: 'TOO_LONG',
      message: `The password must be at most ${PASSWORD_MAX_LENGTH} characters.`,
    };
  }
  const lowered = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lowered.includes(address) || (local.length >= 3 && lowered.includes(local))) {
    return {
      reason: 'CONTAINS_EMAIL',
      message: 'The password must not contain your email address or its name part.',
    };
  }
  const result = zxcvbn().check(password, [address, local]);
  if (
    result.sequence.some((match) => isCommonPassword(match) && match.token.length >= length - 2)
  ) {
    return {
      reason: 'COMMON_PASSWORD',
      message: 'This password is on a list of common passwords. Choose another one.',
    };
  }
  if (result.score < MIN_SCORE) {
    return {
      reason: 'TOO_GUESSABLE',
      message:
        'This password is too easy to guess (common words, names, dates or keyboard patterns). Add more unrelated words.',
    };
  }
  return null;
}
