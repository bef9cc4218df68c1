CREATE TABLE `contact_birthdays` (
	`contact_id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`md` integer NOT NULL,
	`tier` text
);
--> statement-breakpoint
CREATE INDEX `contact_birthdays_md` ON `contact_birthdays` (`md`,`tier`);--> statement-breakpoint
CREATE INDEX `contact_birthdays_customer` ON `contact_birthdays` (`customer_id`);--> statement-breakpoint
CREATE TABLE `reminder_due` (
	`reminder_id` text PRIMARY KEY NOT NULL,
	`occurrence` text NOT NULL,
	`date` text NOT NULL,
	`customer_id` text NOT NULL,
	`owner` text,
	`tier` text
);
--> statement-breakpoint
CREATE INDEX `reminder_due_tier` ON `reminder_due` (`tier`,`date`);--> statement-breakpoint
CREATE INDEX `reminder_due_owner` ON `reminder_due` (`owner`,`date`);--> statement-breakpoint
CREATE INDEX `reminder_due_customer` ON `reminder_due` (`customer_id`);--> statement-breakpoint
CREATE TABLE `reminder_occurrences` (
	`reminder_id` text NOT NULL,
	`occurrence` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`state` text NOT NULL,
	`customer_id` text NOT NULL,
	`next_date` text,
	PRIMARY KEY(`reminder_id`, `occurrence`)
);
--> statement-breakpoint
CREATE INDEX `reminder_occurrences_date` ON `reminder_occurrences` (`date`,`time`);--> statement-breakpoint
ALTER TABLE `customer_duties` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `customer_duties` ADD `tier` text;--> statement-breakpoint
CREATE INDEX `customer_duties_tier` ON `customer_duties` (`tier`,`due_date`);--> statement-breakpoint
CREATE INDEX `customer_duties_owner` ON `customer_duties` (`owner`,`due_date`);--> statement-breakpoint
CREATE INDEX `customers_opted_out` ON `customers` (`country`) WHERE "customers"."deleted_at" IS NULL AND "customers"."holiday_opt_out" = 1;