CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`winner_value` text,
	`winner_hlc` text NOT NULL,
	`loser_value` text,
	`loser_hlc` text NOT NULL,
	`found_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_cell` ON `sync_conflicts` (`tbl`,`row_id`,`col`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_pair` ON `sync_conflicts` (`winner_hlc`,`loser_hlc`);--> statement-breakpoint
CREATE TABLE `sync_parked` (
	`hlc` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`value` text,
	`prev_hlc` text,
	PRIMARY KEY(`hlc`, `tbl`, `row_id`, `col`)
);
--> statement-breakpoint
ALTER TABLE `cell_stamps` ADD `prev_hlc` text;