// What a new password must be: hard to guess as zxcvbn-ts estimates it (common passwords,
// dictionary words and names, keyboard patterns, repeats, sequences, dates, l33t), with the
// account's own email and name counted as known words; and never the published demo password
// outside demo mode. Every place a password is set goes through createAccount (accounts.ts).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { AppError } from '../http/problem';

/** The demo accounts' password: printed at every demo start and in the README, so public. */
export const demoPassword = 'capgap-demo-password';

/**
 * zxcvbn's score 3 means an estimated 10^8 guesses or more: out of reach of online guessing
 * (sign-in is rate limited) and slow to crack offline from our scrypt hashes. Score 2 is
 * passed by 'iloveyou2024!'-like passwords, which cracking lists try early.
 */
export const minimumScore = 3;

/** zxcvbn's cost grows quickly with length; only the start is analysed (a strong start makes a strong whole). */
const analysedLength = 64;

let checker: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a moment to index, and only admins set passwords. */
function strengthChecker(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    maxLength: analysedLength,
  });
  return checker;
}

export interface PasswordContext {
  email: string;
  name: string;
  /** Demo data is seeded (config.seedDemo): the demo password is expected then. */
  demoMode: boolean;
}

/** Words a guesser who knows the account would try first. */
function knownWords({ email, name }: PasswordContext): string[] {
  const words = [email, ...email.split(/[@.+_-]/), name, ...name.split(/\s+/), 'capgap', demoPassword];
  return words.filter((w) => w.length >= 3);
}

/** Why a new password is refused (a message for its field), or undefined when it will do. */
export function passwordWeakness(password: string, context: PasswordContext): string | undefined {
  if (password === demoPassword) return context.demoMode ? undefined : 'is the published demo password; choose another';
  const { score, feedback } = strengthChecker().check(password, knownWords(context));
  if (score >= minimumScore) return undefined;
  const why = feedback.warning || feedback.suggestions[0] || 'Add more words that are less common.';
  return `is too easy to guess: ${why}`;
}

export function assertAcceptablePassword(password: string, context: PasswordContext): void {
  const weakness = passwordWeakness(password, context);
  if (weakness)
    throw new AppError('weakPassword', `The password ${weakness}`, [{ field: 'body.password', message: weakness }]);
}
