-- reminder_due counted per owner (none: '') and date, in the statement that changes a row, so the
-- Today view's counts per owner read a few hundred rows (owners by the 92 days of its window).
CREATE TRIGGER reminder_due_counts_ins AFTER INSERT ON reminder_due BEGIN
  INSERT INTO reminder_due_counts (owner, date, n) VALUES (coalesce(NEW.owner, ''), NEW.date, 1)
  ON CONFLICT (owner, date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER reminder_due_counts_del AFTER DELETE ON reminder_due BEGIN
  UPDATE reminder_due_counts SET n = n - 1 WHERE owner = coalesce(OLD.owner, '') AND date = OLD.date;
  DELETE FROM reminder_due_counts WHERE owner = coalesce(OLD.owner, '') AND date = OLD.date AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER reminder_due_counts_upd AFTER UPDATE OF owner, date ON reminder_due BEGIN
  UPDATE reminder_due_counts SET n = n - 1 WHERE owner = coalesce(OLD.owner, '') AND date = OLD.date;
  DELETE FROM reminder_due_counts WHERE owner = coalesce(OLD.owner, '') AND date = OLD.date AND n <= 0;
  INSERT INTO reminder_due_counts (owner, date, n) VALUES (coalesce(NEW.owner, ''), NEW.date, 1)
  ON CONFLICT (owner, date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
DELETE FROM reminder_due_counts;
--> statement-breakpoint
INSERT INTO reminder_due_counts (owner, date, n)
  SELECT coalesce(owner, ''), date, count(*) FROM reminder_due GROUP BY 1, 2;
