import type { Command } from 'commander';
import { siteActor } from '../../catalog/index.ts';
import { printJson, withPlatform } from '../open-platform.ts';

/**
 * `s5 action <name> [key=value | key:=json ...]`: call any action locally as the site actor,
 * the way `ckanapi action` does against a local CKAN.
 */
export function register(program: Command): void {
  program
    .command('action <name> [params...]')
    .description(
      'call any action as the local site administrator, e.g. s5 action package_search q=札幌 rows:=5',
    )
    .action(async (name: string, params: string[]) => {
      const input: Record<string, unknown> = {};
      for (const param of params) {
        const json = /^([^=:]+):=(.*)$/s.exec(param);
        const plain = /^([^=]+)=(.*)$/s.exec(param);
        if (json?.[1]) input[json[1]] = JSON.parse(json[2] ?? 'null');
        else if (plain?.[1]) input[plain[1]] = plain[2];
        else throw new Error(`cannot read parameter "${param}": use key=value or key:=json`);
      }
      await withPlatform(async (p) => printJson(await p.call(name, input, siteActor)));
    });
}
