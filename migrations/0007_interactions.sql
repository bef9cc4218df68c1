CREATE TABLE `interactions` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`contact_id` text,
	`kind` text,
	`date` text,
	`summary` text,
	`outcome` text,
	`next_step` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interactions_customer` ON `interactions` (`customer_id`,`deleted_at`,`date`);