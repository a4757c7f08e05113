// Everything a node's database holds, as text: to prove what a partner never stored.
import { queryDatabase } from './postgres.js';

export async function databaseText(url: string): Promise<string> {
  const tables = await queryDatabase<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await queryDatabase<{ row: string }>(url, `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}
