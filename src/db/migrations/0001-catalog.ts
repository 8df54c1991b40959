import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The catalog: publishers and groups, users and tokens, datasets, resources and the search index.
 * One migration for both backends; only the full-text index differs (FTS5 vs a GIN index).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const bool = dialect === 'postgres' ? sql`boolean` : sql`integer`;
  const bigint = dialect === 'postgres' ? sql`bigint` : sql`integer`;

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_organization', bool, (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('region_group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('extras', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('fullname', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('about', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sysadmin', bool, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_access', 'text')
    .execute();

  await db.schema
    .createTable('member')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('created', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('member_user_idx').on('member').column('user_id').execute();

  await db.schema
    .createTable('package')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_org', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('license_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('private', bool, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('dataset'))
    .addColumn('author', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('maintainer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('maintainer_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('metadata_created', 'text', (c) => c.notNull())
    .addColumn('metadata_modified', 'text', (c) => c.notNull())
    .addColumn('creator_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('package_owner_idx').on('package').column('owner_org').execute();
  await db.schema
    .createIndex('package_modified_idx')
    .on('package')
    .column('metadata_modified')
    .execute();

  await db.schema
    .createTable('tag')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('package_tag')
    .addColumn('package_id', 'text', (c) =>
      c.notNull().references('package.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'text', (c) => c.notNull().references('tag.id'))
    .addPrimaryKeyConstraint('package_tag_pk', ['package_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('package_tag_tag_idx').on('package_tag').column('tag_id').execute();

  await db.schema
    .createTable('package_extra')
    .addColumn('package_id', 'text', (c) =>
      c.notNull().references('package.id').onDelete('cascade'),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_extra_pk', ['package_id', 'key'])
    .execute();

  await db.schema
    .createTable('package_group')
    .addColumn('package_id', 'text', (c) =>
      c.notNull().references('package.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addPrimaryKeyConstraint('package_group_pk', ['package_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('package_group_group_idx')
    .on('package_group')
    .column('group_id')
    .execute();

  await db.schema
    .createTable('resource')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) =>
      c.notNull().references('package.id').onDelete('cascade'),
    )
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('format', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mimetype', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('size', bigint)
    .addColumn('hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created', 'text', (c) => c.notNull())
    .addColumn('last_modified', 'text')
    .addColumn('metadata_modified', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('url_type', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_sha256', 'text')
    .addColumn('extras', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('resource_package_idx').on('resource').column('package_id').execute();

  await db.schema
    .createTable('search_doc')
    .addColumn('doc_id', 'integer', (c) =>
      dialect === 'postgres'
        ? c.generatedAlwaysAsIdentity().primaryKey()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('package_id', 'text', (c) =>
      c.notNull().unique().references('package.id').onDelete('cascade'),
    )
    .addColumn('name_n', 'text', (c) => c.notNull())
    .addColumn('title_n', 'text', (c) => c.notNull())
    .addColumn('tags_n', 'text', (c) => c.notNull())
    .addColumn('groups_n', 'text', (c) => c.notNull())
    .addColumn('text_n', 'text', (c) => c.notNull())
    .addColumn('grams', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('package_facet')
    .addColumn('package_id', 'text', (c) =>
      c.notNull().references('package.id').onDelete('cascade'),
    )
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_facet_pk', ['field', 'value', 'package_id'])
    .execute();
  await db.schema
    .createIndex('package_facet_package_idx')
    .on('package_facet')
    .column('package_id')
    .execute();

  // Every change to a dataset's search entry, so each process can bring its in-memory search
  // index up to date by reading only what changed since it last looked.
  await db.schema
    .createTable('search_change')
    .addColumn('seq', 'integer', (c) =>
      dialect === 'postgres'
        ? c.generatedAlwaysAsIdentity().primaryKey()
        : c.primaryKey().autoIncrement(),
    )
    .addColumn('package_id', 'text', (c) => c.notNull())
    .execute();

  if (dialect === 'sqlite') {
    // Contentless FTS5 over our own grams (see src/catalog/search/grams.ts): unicode61 keeps
    // each gram whole because grams hold only letters and digits; diacritics stay significant.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(grams, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  } else {
    await sql`CREATE INDEX search_doc_grams_gin ON search_doc USING gin (string_to_array(grams, ' '))`.execute(
      db,
    );
  }
}
