CREATE TABLE `row_stamps` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`hlc` text NOT NULL,
	`shape` integer NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `stamp_shapes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tbl` text NOT NULL,
	`cols` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stamp_shapes_cols` ON `stamp_shapes` (`tbl`,`cols`);