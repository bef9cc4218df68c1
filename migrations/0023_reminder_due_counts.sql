CREATE TABLE `reminder_due_counts` (
	`owner` text NOT NULL,
	`date` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`owner`, `date`)
);
