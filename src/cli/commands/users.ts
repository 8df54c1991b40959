import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import { isAppError } from '../../core/errors.ts';
import { printJson, withPlatform } from '../open-platform.ts';

/** `s5 user add` and `s5 token create`: through the same actions as the API, as the site actor. */
export function register(program: Command): void {
  const user = program.command('user').description('users');
  user
    .command('add <name>')
    .description('create a user; optionally make them a member of an organization')
    .requiredOption('--email <address>', 'e-mail address')
    .option('--fullname <name>', 'display name', '')
    .option('--sysadmin', 'site administrator', false)
    .option('--org <organization>', 'organization name, id or 全国地方公共団体コード')
    .option('--role <role>', 'admin, editor or member', 'editor')
    .option('--password <password>', 'portal login password (at least 12 characters)')
    .action(
      async (
        name: string,
        o: {
          email: string;
          fullname: string;
          sysadmin: boolean;
          org?: string;
          role: string;
          password?: string;
        },
      ) => {
        await withPlatform(async (p) => {
          const created = await p
            .call(
              'user_create',
              {
                name,
                email: o.email,
                fullname: o.fullname,
                sysadmin: o.sysadmin,
                ...(o.password === undefined ? {} : { password: o.password }),
              },
              siteActor,
            )
            .catch(explainRefusal);
          if (o.org)
            await p.call(
              'organization_member_create',
              { id: o.org, username: name, role: o.role },
              siteActor,
            );
          printJson(created);
        });
      },
    );
  user
    .command('password <name>')
    .description("set a user's portal password, read from stdin (first line) or a hidden prompt")
    .action(async (name: string) => {
      const password = await readPassword(`New password for ${name}: `);
      await withPlatform(async (p) => {
        await p
          .call('s5_user_password_change', { id: name, new_password: password }, siteActor)
          .catch(explainRefusal);
        process.stdout.write(`password of ${name} changed; their portal sessions have ended\n`);
      });
    });
  program
    .command('token')
    .description('API tokens')
    .command('create <user>')
    .description('create an API token for a user and print it (shown only once)')
    .option('--name <label>', 'what the token is for', 'cli')
    .action(async (userName: string, o: { name: string }) => {
      await withPlatform(async (p) => {
        const { token } = (await p.call(
          'api_token_create',
          { user: userName, name: o.name },
          siteActor,
        )) as { token: string };
        process.stdout.write(`${token}\n`);
      });
    });
}

/**
 * Reads a password: from a terminal with a prompt and without echo, otherwise the first line of
 * stdin (`echo "$PW" | s5 user password admin`), so it never has to appear in a command line.
 */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(prompt);
  // Swallow the echo of typed characters; readline still collects them. `_writeToOutput` is
  // readline's internal hook, not in its types: the usual way to hide input without raw mode.
  const quiet = rl as unknown as { _writeToOutput: (s: string) => void };
  quiet._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** A refused input names its fields (`password: Must be at least 12 characters`), not just "Validation Error". */
function explainRefusal(error: unknown): never {
  if (isAppError(error) && error.fields) {
    const reasons = Object.entries(error.fields).map(([field, m]) => `${field}: ${m.join(', ')}`);
    throw new Error(`${error.message} (${reasons.join('; ')})`);
  }
  throw error;
}
