PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_received_changes` (
	`hlc` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`value` text,
	PRIMARY KEY(`row_id`, `col`, `hlc`, `tbl`)
);
--> statement-breakpoint
INSERT INTO `__new_received_changes`("hlc", "tbl", "row_id", "col", "value") SELECT "hlc", "tbl", "row_id", "col", "value" FROM `received_changes`;--> statement-breakpoint
DROP TABLE `received_changes`;--> statement-breakpoint
ALTER TABLE `__new_received_changes` RENAME TO `received_changes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;