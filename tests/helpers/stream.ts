// This device's stream as SQL (sync/outbox.ts): its log entries and its births, which are row
// stamps with a place in the stream. "Written through the write path" means "in here".
export const STREAM = `(SELECT seq, tbl, row_id, col FROM change_log
  UNION ALL SELECT seq, tbl, row_id, '*' FROM row_stamps WHERE seq IS NOT NULL)`
