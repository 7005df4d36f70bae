import type { Pool } from 'pg';

/** How a column travels: SQLite keeps text, integers and blobs; PostgreSQL gets the typed column. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'boolean' | 'bytea' | 'json' | 'timestamptz';

export interface StoredColumn {
  /** The PostgreSQL column. */
  name: string;
  type: ColumnType;
  /** SQL over the source row when the file keeps the value another way (`replay <> 0`, a computed number); else the column of the same name. */
  from?: string;
  /** The target generates it (an identity): copied as it was (OVERRIDING SYSTEM VALUE), then its sequence is moved past the copied ids. */
  identity?: boolean;
}

/** Where migrate writes: the pool it copies with, and what a store needs to open its own (the relay's stores keep a pool each). */
export interface TargetDatabase {
  pool: Pool;
  connectionString: string;
  schema: string;
}

/** A table of one of the platform's SQLite files and its PostgreSQL twin. */
export interface StoredTable {
  /** What the operator reads: "person keys". */
  name: string;
  /** The file in DATA_DIR; a file that was never made copies nothing. */
  file: string;
  /** The SQLite table, when its name differs from the PostgreSQL one. */
  sourceTable?: string;
  /** The PostgreSQL table. */
  table: string;
  columns: ReadonlyArray<StoredColumn>;
  /** The columns naming a row: both sides are read in this order for the copy and its hash. */
  key: ReadonlyArray<string>;
  /**
   * The one row the target store writes when it opens (a checkpoint at 0): copy sets that row from the file's one row,
   * and the target counts as empty while its row still equals this.
   */
  seeded?: Readonly<Record<string, string | number | boolean>>;
  /** Creates the target table the way its store does (opening the store once). */
  prepare(target: TargetDatabase): Promise<void>;
}
