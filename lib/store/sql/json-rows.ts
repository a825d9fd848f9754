/**
 * Many rows as ONE parameter: a JSON array of objects keyed by column name, read as a table.
 * The statement text stays the same whatever the row count (one prepared statement per
 * connection, not one per size) and no parameter limit applies (SQLite 32,766, PostgreSQL 65,535).
 */
import type { Dialect } from './driver';

export type JsonColumnType = 'text' | 'real' | 'time';

const POSTGRES_TYPES: Record<JsonColumnType, string> = { text: 'TEXT', real: 'DOUBLE PRECISION', time: 'TIMESTAMPTZ' };

/** A FROM item named `alias` whose columns are `columns`, read from the JSON text bound to `param`. */
export function jsonRows(dialect: Dialect, param: string, alias: string, columns: Record<string, JsonColumnType>): string {
	const names = Object.keys(columns);
	if (dialect === 'postgres') {
		return `json_to_recordset(${param}::json) AS ${alias}(${names.map((name) => `${name} ${POSTGRES_TYPES[columns[name]!]}`).join(', ')})`;
	}
	return `(SELECT ${names.map((name) => `json_extract(value, '$.${name}') AS ${name}`).join(', ')} FROM json_each(${param})) AS ${alias}`;
}
