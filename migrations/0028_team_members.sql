CREATE TABLE `team_members` (
	`name` text PRIMARY KEY NOT NULL
);--> statement-breakpoint
-- A device already in a team: the people it knows so far (itself) and the header's "in a team".
INSERT INTO `team_members` (`name`) SELECT `value` FROM `meta` WHERE `key` = 'sync.user_name' AND `value` <> '';--> statement-breakpoint
INSERT OR IGNORE INTO `sync_state` (`key`, `value`) SELECT 'in_team', '1' FROM `meta` WHERE `key` = 'sync.team' AND `value` <> '';
