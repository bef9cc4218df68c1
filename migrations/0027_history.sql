CREATE TABLE `received_changes` (
	`hlc` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`value` text,
	PRIMARY KEY(`hlc`, `tbl`, `row_id`, `col`)
);
--> statement-breakpoint
CREATE INDEX `received_changes_row` ON `received_changes` (`row_id`);--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`row_id`);