-- Births leave the change log (design/sync.md "Metadata budget"): a row's birth is its row stamp,
-- which now records where this device's stream holds it (seq) and, once a cell changes, that
-- cell's birth value (born). row_stamps is rebuilt WITHOUT ROWID (added by hand: drizzle-kit
-- cannot express it), like cell_stamps: its key is the only way it is read by row.
CREATE TABLE `__new_row_stamps` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`hlc` text NOT NULL,
	`shape` integer NOT NULL,
	`seq` integer,
	`born` text,
	PRIMARY KEY(`tbl`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- A birth no cell of which has changed since: its log entry holds exactly what the row holds, so
-- the stamp takes its place in the stream. The others keep their entry (their cells' birth values).
INSERT INTO `__new_row_stamps` (`tbl`, `row_id`, `hlc`, `shape`, `seq`)
SELECT r.`tbl`, r.`row_id`, r.`hlc`, r.`shape`,
  CASE WHEN EXISTS (SELECT 1 FROM `cell_stamps` s WHERE s.`tbl` = r.`tbl` AND s.`row_id` = r.`row_id`) THEN NULL
  ELSE (SELECT c.`seq` FROM `change_log` c WHERE c.`row_id` = r.`row_id` AND c.`tbl` = r.`tbl` AND c.`col` = '*' AND c.`hlc` = r.`hlc`) END
FROM `row_stamps` r;
--> statement-breakpoint
DROP TABLE `row_stamps`;
--> statement-breakpoint
ALTER TABLE `__new_row_stamps` RENAME TO `row_stamps`;
--> statement-breakpoint
CREATE INDEX `row_stamps_seq` ON `row_stamps` (`seq`) WHERE "row_stamps"."seq" IS NOT NULL;
--> statement-breakpoint
DELETE FROM `change_log` WHERE `col` = '*' AND `seq` IN (SELECT `seq` FROM `row_stamps` WHERE `seq` IS NOT NULL);
--> statement-breakpoint
-- A teammate's birth kept for the history, of a row unchanged since: the history reads it from the stamp.
DELETE FROM `received_changes` WHERE `col` = '*'
  AND EXISTS (SELECT 1 FROM `row_stamps` r WHERE r.`tbl` = `received_changes`.`tbl` AND r.`row_id` = `received_changes`.`row_id` AND r.`hlc` = `received_changes`.`hlc`)
  AND NOT EXISTS (SELECT 1 FROM `cell_stamps` s WHERE s.`tbl` = `received_changes`.`tbl` AND s.`row_id` = `received_changes`.`row_id`);
