import type { Command } from 'commander';
import { getSchema, listSchemas, toTableSchema } from '../../schemas/index.ts';
import { type CliIo, processIo } from './validate.ts';

/**
 * `s5 schemas list` and `s5 schemas show <id> [--table-schema]`: the standard dataset schemas
 * shipped in `schemas/standard/`.
 */
export function register(program: Command, io: CliIo = processIo): void {
  const schemas = program
    .command('schemas')
    .description('標準データセットのスキーマ / standard dataset schemas');
  schemas
    .command('list')
    .description('スキーマの一覧 / list the schemas')
    .option('--json', 'JSON で出力 / print JSON')
    .action((options: { json?: boolean }) => {
      const rows = listSchemas().map((s) => ({
        id: s.s5.id,
        title: s.s5.title.ja,
        generation: s.s5.generation,
        verified: s.s5.verified,
        columns: s.fields.length,
      }));
      if (options.json) return io.out(`${JSON.stringify(rows, null, 2)}\n`);
      for (const r of rows) {
        const mark = r.verified ? '検証済' : '未検証';
        io.out(
          `${r.id.padEnd(28)} ${r.generation.padEnd(7)} ${String(r.columns).padStart(3)}列 ${mark}  ${r.title}\n`,
        );
      }
    });
  schemas
    .command('show <id>')
    .description('スキーマを表示（JSON）/ show a schema as JSON')
    .option(
      '--table-schema',
      's5 拡張を除いた Frictionless Table Schema / pure Frictionless Table Schema',
    )
    .action((id: string, options: { tableSchema?: boolean }) => {
      let schema: ReturnType<typeof getSchema>;
      try {
        schema = getSchema(id);
      } catch {
        io.err(`s5: スキーマ「${id}」はありません / no schema "${id}" (s5 schemas list)\n`);
        return io.exit(2);
      }
      const body = options.tableSchema ? toTableSchema(schema) : schema;
      io.out(`${JSON.stringify(body, null, 2)}\n`);
    });
}
