CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text,
	`kind` text,
	`sha256` text,
	`file_name` text,
	`mime` text,
	`size` integer,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_customer` ON `attachments` (`customer_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `fair_leads` (
	`id` text PRIMARY KEY NOT NULL,
	`fair_id` text,
	`customer_id` text,
	`contact_id` text,
	`temperature` text,
	`interests` text,
	`note` text,
	`captured_by` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fair_leads_fair` ON `fair_leads` (`fair_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `fair_leads_customer` ON `fair_leads` (`customer_id`,`deleted_at`);--> statement-breakpoint
CREATE TABLE `fairs` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`city` text,
	`country` text,
	`start_date` text,
	`end_date` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fairs_dates` ON `fairs` (`deleted_at`,`start_date`);--> statement-breakpoint
CREATE TABLE `greeting_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`occasion` text,
	`lang` text,
	`subject` text,
	`body` text,
	`created_at` text,
	`deleted_at` text,
	`updated_at` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `greeting_templates_occasion` ON `greeting_templates` (`occasion`,`lang`,`deleted_at`);