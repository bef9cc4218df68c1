CREATE TABLE `customer_duties` (
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`due_date` text,
	PRIMARY KEY(`customer_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `customer_duties_due` ON `customer_duties` (`due_date`);--> statement-breakpoint
CREATE TABLE `service_cadence` (
	`tier` text PRIMARY KEY NOT NULL,
	`cadence_days` integer NOT NULL,
	`dialogue_months` integer NOT NULL,
	`owner_required` integer NOT NULL
);
