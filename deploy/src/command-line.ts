// What every `./corridor` command of deploy/ shares: its options read from argv, and one way out
// for an operator's mistake (a typed error naming the option or field, exit status 2, nothing
// half-done) as opposed to a bug (a stack trace, exit status 1).
import { OperatorError, ValidationError } from '@corridor/proto';
import { CertificateInputError } from './network-ca.js';

/** `--name VALUE` or `--name=VALUE`; undefined when absent. */
export function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** An option every use of the command needs; its absence is the operator's mistake, named. */
export function required(argv: readonly string[], name: string): string {
  const value = option(argv, name);
  if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${name}: is required`);
  return value;
}

/** A command line that does not say what the command needs. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const isOperatorMistake = (e: unknown) =>
  e instanceof UsageError ||
  e instanceof CertificateInputError ||
  // SettingsError, MembershipError
  e instanceof OperatorError ||
  e instanceof ValidationError;

/** Runs `body`; an operator's mistake is written as `corridor <command>: <message>` and exits 2. */
export async function runCommand(command: string, usage: string, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (!isOperatorMistake(e)) throw e;
    process.stderr.write(`corridor ${command}: ${(e as Error).message}\n`);
    if (e instanceof UsageError) process.stderr.write(`usage: ./corridor ${usage}\n`);
    process.exit(2);
  }
}
