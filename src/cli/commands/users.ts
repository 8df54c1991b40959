import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
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
    .action(
      async (
        name: string,
        o: { email: string; fullname: string; sysadmin: boolean; org?: string; role: string },
      ) => {
        await withPlatform(async (p) => {
          const created = await p.call(
            'user_create',
            { name, email: o.email, fullname: o.fullname, sysadmin: o.sysadmin },
            siteActor,
          );
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
