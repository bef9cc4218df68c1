-- The calendar's and the Today view's derived data (issue 12 §8: a month of a 100k-customer base
-- in tens of milliseconds). Three copies kept by triggers in the statement that changes their
-- source, like the duties of migrations/0016:
-- 1. customer_duties carries its customer's owner and tier: the view gains both columns, and the
--    triggers (which already rewrite a customer's duties when its owner or tier changes) write them.
-- 2. contact_birthdays: the birthdays that get greetings, by month and day.
-- 3. reminder_due carries its customer's owner and tier (its rows are written by the reminders'
--    derivation in code: features/reminders/occurrences.ts).
DROP TRIGGER duties_interactions_ins
--> statement-breakpoint
DROP TRIGGER duties_interactions_upd
--> statement-breakpoint
DROP TRIGGER duties_customers_upd
--> statement-breakpoint
DROP TRIGGER duties_tiers_ins
--> statement-breakpoint
DROP TRIGGER duties_tiers_upd
--> statement-breakpoint
DROP VIEW customer_duties_v
--> statement-breakpoint
CREATE VIEW customer_duties_v AS
SELECT c.id AS customer_id, 'contact_due' AS kind,
  date(coalesce(
    (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.deleted_at IS NULL),
    substr(c.created_at, 1, 10)), '+' || s.cadence_days || ' days') AS due_date,
  c.owner AS owner, t.tier AS tier
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND +c.created_at IS NOT NULL
UNION ALL
SELECT c.id, 'executive_dialogue',
  date(coalesce(
    (SELECT max(i.date) FROM interactions i
      WHERE i.customer_id = c.id AND i.deleted_at IS NULL AND i.kind IN ('meeting', 'visit')),
    (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.deleted_at IS NULL),
    substr(c.created_at, 1, 10)), '+' || s.dialogue_months || ' months'),
  c.owner, t.tier
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND +c.created_at IS NOT NULL AND s.dialogue_months > 0
UNION ALL
SELECT c.id, 'owner_missing', NULL, c.owner, t.tier
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND s.owner_required = 1 AND (c.owner IS NULL OR trim(c.owner) = '');
--> statement-breakpoint
CREATE TRIGGER duties_interactions_ins AFTER INSERT ON interactions BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_interactions_upd AFTER UPDATE OF customer_id, date, kind, deleted_at ON interactions BEGIN
  DELETE FROM customer_duties WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_customers_upd AFTER UPDATE OF owner, deleted_at, created_at ON customers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_tiers_ins AFTER INSERT ON customer_tiers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_tiers_upd AFTER UPDATE OF tier ON customer_tiers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
DELETE FROM customer_duties
--> statement-breakpoint
INSERT INTO customer_duties (customer_id, kind, due_date, owner, tier) SELECT customer_id, kind, due_date, owner, tier FROM customer_duties_v
--> statement-breakpoint
-- Birthdays that get greetings: a live contact with a month and day, of a live customer not
-- excluded from holiday care. Unary +: the triggers ask for one contact or one customer, and the
-- planner should reach it by that key.
CREATE VIEW contact_birthdays_v AS
SELECT k.id AS contact_id, k.customer_id AS customer_id, k.birthday_month * 100 + k.birthday_day AS md, coalesce(t.tier, 'ordinary') AS tier
FROM contacts k JOIN customers c ON c.id = k.customer_id LEFT JOIN customer_tiers t ON t.customer_id = k.customer_id
WHERE +k.deleted_at IS NULL AND k.birthday_month IS NOT NULL AND k.birthday_day IS NOT NULL
  AND +c.deleted_at IS NULL AND c.holiday_opt_out = 0
--> statement-breakpoint
CREATE TRIGGER birthdays_contacts_ins AFTER INSERT ON contacts BEGIN
  INSERT OR REPLACE INTO contact_birthdays (contact_id, customer_id, md, tier) SELECT contact_id, customer_id, md, tier FROM contact_birthdays_v WHERE contact_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER birthdays_contacts_upd AFTER UPDATE OF birthday_month, birthday_day, deleted_at, customer_id ON contacts BEGIN
  DELETE FROM contact_birthdays WHERE contact_id = NEW.id;
  INSERT INTO contact_birthdays (contact_id, customer_id, md, tier) SELECT contact_id, customer_id, md, tier FROM contact_birthdays_v WHERE contact_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER birthdays_contacts_del AFTER DELETE ON contacts BEGIN
  DELETE FROM contact_birthdays WHERE contact_id = OLD.id;
END;
--> statement-breakpoint
-- A customer arriving after its contacts (a synced change comes cell by cell), deleted, restored,
-- or excluded from holiday care.
CREATE TRIGGER birthdays_customers_ins AFTER INSERT ON customers BEGIN
  INSERT OR REPLACE INTO contact_birthdays (contact_id, customer_id, md, tier) SELECT contact_id, customer_id, md, tier FROM contact_birthdays_v WHERE customer_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER birthdays_customers_upd AFTER UPDATE OF deleted_at, holiday_opt_out ON customers BEGIN
  DELETE FROM contact_birthdays WHERE customer_id = NEW.id;
  INSERT INTO contact_birthdays (contact_id, customer_id, md, tier) SELECT contact_id, customer_id, md, tier FROM contact_birthdays_v WHERE customer_id = NEW.id;
END;
--> statement-breakpoint
-- The tier and owner copies.
CREATE TRIGGER calendar_tiers_ins AFTER INSERT ON customer_tiers BEGIN
  UPDATE contact_birthdays SET tier = NEW.tier WHERE customer_id = NEW.customer_id AND tier IS NOT NEW.tier;
  UPDATE reminder_due SET tier = NEW.tier WHERE customer_id = NEW.customer_id AND tier IS NOT NEW.tier;
END;
--> statement-breakpoint
CREATE TRIGGER calendar_tiers_upd AFTER UPDATE OF tier ON customer_tiers BEGIN
  UPDATE contact_birthdays SET tier = NEW.tier WHERE customer_id = NEW.customer_id AND tier IS NOT NEW.tier;
  UPDATE reminder_due SET tier = NEW.tier WHERE customer_id = NEW.customer_id AND tier IS NOT NEW.tier;
END;
--> statement-breakpoint
CREATE TRIGGER calendar_customers_owner AFTER UPDATE OF owner ON customers BEGIN
  UPDATE reminder_due SET owner = NEW.owner WHERE customer_id = NEW.id AND owner IS NOT NEW.owner;
END;
--> statement-breakpoint
INSERT INTO contact_birthdays (contact_id, customer_id, md, tier) SELECT contact_id, customer_id, md, tier FROM contact_birthdays_v
