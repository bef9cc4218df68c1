CREATE TABLE `reminder_events` (
	`id` text PRIMARY KEY NOT NULL,
	`reminder_id` text,
	`occurrence` text,
	`action` text,
	`to_date` text,
	`to_time` text,
	`note` text,
	`by` text,
	`at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminder_events_reminder` ON `reminder_events` (`reminder_id`,`occurrence`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`contact_id` text,
	`kind` text,
	`due_date` text,
	`due_time` text,
	`time_zone` text,
	`rrule` text,
	`note` text,
	`assignee` text,
	`interaction_id` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reminders_customer` ON `reminders` (`customer_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`deleted_at`,`due_date`);--> statement-breakpoint
ALTER TABLE `customers` ADD `holiday_opt_out` integer DEFAULT 0 NOT NULL;