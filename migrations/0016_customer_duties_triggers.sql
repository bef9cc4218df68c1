-- Service duties (R2) kept in step with the facts they come from, in the statement that changes
-- them: logging or deleting an interaction moves the next contact due; a tier change or an owner
-- set or cleared changes what is owed. The view is the one definition; the triggers apply it to
-- one customer, the re-tier after a policy save to all (features/reminders/duties.ts).
-- Cadences come from service_cadence, written from the policy in force. The unary + keeps the
-- planner on the customer's primary key when a trigger asks for one customer (without it, it
-- walks a (deleted_at, created_at) index over the whole base).
CREATE VIEW customer_duties_v AS
SELECT c.id AS customer_id, 'contact_due' AS kind,
  date(coalesce(
    (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.deleted_at IS NULL),
    substr(c.created_at, 1, 10)), '+' || s.cadence_days || ' days') AS due_date
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND +c.created_at IS NOT NULL
UNION ALL
SELECT c.id, 'executive_dialogue',
  date(coalesce(
    (SELECT max(i.date) FROM interactions i
      WHERE i.customer_id = c.id AND i.deleted_at IS NULL AND i.kind IN ('meeting', 'visit')),
    (SELECT max(i.date) FROM interactions i WHERE i.customer_id = c.id AND i.deleted_at IS NULL),
    substr(c.created_at, 1, 10)), '+' || s.dialogue_months || ' months')
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND +c.created_at IS NOT NULL AND s.dialogue_months > 0
UNION ALL
SELECT c.id, 'owner_missing', NULL
FROM customers c JOIN customer_tiers t ON t.customer_id = c.id JOIN service_cadence s ON s.tier = t.tier
WHERE +c.deleted_at IS NULL AND s.owner_required = 1 AND (c.owner IS NULL OR trim(c.owner) = '');
--> statement-breakpoint
CREATE TRIGGER duties_interactions_ins AFTER INSERT ON interactions BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_interactions_upd AFTER UPDATE OF customer_id, date, kind, deleted_at ON interactions BEGIN
  DELETE FROM customer_duties WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = OLD.customer_id;
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_customers_upd AFTER UPDATE OF owner, deleted_at, created_at ON customers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_tiers_ins AFTER INSERT ON customer_tiers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER duties_tiers_upd AFTER UPDATE OF tier ON customer_tiers BEGIN
  DELETE FROM customer_duties WHERE customer_id = NEW.customer_id;
  INSERT INTO customer_duties (customer_id, kind, due_date) SELECT customer_id, kind, due_date FROM customer_duties_v WHERE customer_id = NEW.customer_id;
END;
