import BetterSqlite3, { Database } from 'better-sqlite3';
import { CheckpointStore, ReadModelCheckpoint } from './checkpoint-store';

interface Row {
  position: number;
  event_id: string;
  versions: string;
  state: Buffer;
}

/**
 * Checkpoints in a SQLite file beside the event log (`read-models.sqlite` in DATA_DIR). Not the log's own file:
 * a checkpoint is disposable (losing one costs a rebuild), and multi-megabyte writes should not sit in the
 * log's write-ahead file. synchronous=NORMAL for the same reason.
 */
export class SqliteCheckpointStore extends CheckpointStore {
  private readonly db: Database;

  constructor(file: string) {
    super();
    this.db = new BetterSqlite3(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`CREATE TABLE IF NOT EXISTS read_model_checkpoints (
        runner TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        versions TEXT NOT NULL,
        state BLOB NOT NULL,
        saved_at TEXT NOT NULL
      )`);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async load(runner: string): Promise<ReadModelCheckpoint | undefined> {
    const row = this.db.prepare('SELECT position, event_id, versions, state FROM read_model_checkpoints WHERE runner = ?').get(runner) as Row | undefined;
    return row && { position: row.position, eventId: row.event_id, versions: JSON.parse(row.versions) as Record<string, number>, state: row.state };
  }

  async save(runner: string, checkpoint: ReadModelCheckpoint): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO read_model_checkpoints (runner, position, event_id, versions, state, saved_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (runner) DO UPDATE SET position = excluded.position, event_id = excluded.event_id, versions = excluded.versions, state = excluded.state, saved_at = excluded.saved_at`,
      )
      .run(runner, checkpoint.position, checkpoint.eventId, JSON.stringify(checkpoint.versions), checkpoint.state, new Date().toISOString());
  }

  async remove(runner: string): Promise<void> {
    this.db.prepare('DELETE FROM read_model_checkpoints WHERE runner = ?').run(runner);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
