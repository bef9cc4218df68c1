CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`kind` text,
	`severity` text,
	`date` text,
	`summary` text,
	`resolved` integer DEFAULT 0 NOT NULL,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_customer` ON `feedback` (`customer_id`,`deleted_at`,`date`);