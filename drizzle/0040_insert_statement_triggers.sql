-- Intake writes many rows in one statement (group commit, bulk import: issue 16). On INSERT, the
-- rollup rewinds and the event relay now run once per statement over its rows (a transition table)
-- instead of once per row: three plpgsql calls and three UPDATEs less per lead. Deletes and updates
-- keep the row triggers of 0014, 0018, 0022 and 0025: PostgreSQL gives transition tables only to
-- triggers of one event without a column list. Each rewind moves its watermark back to the UTC
-- midnight of the team's earliest inserted time before it, as the row trigger did row by row.
CREATE FUNCTION funnel_rollup_rewind_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funnel_rollup_state s
     SET moves_until = date_trunc('day', i.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    FROM (SELECT team_id, min(entered_at) AS at FROM inserted GROUP BY team_id) i
   WHERE s.team_id = i.team_id AND s.moves_until > i.at;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER stage_changes_rollup_rewind ON stage_changes;
--> statement-breakpoint
CREATE TRIGGER stage_changes_rollup_rewind
AFTER DELETE OR UPDATE OF team_id, entered_at, from_stage, to_stage, segment, source, owner_id
ON stage_changes FOR EACH ROW EXECUTE FUNCTION funnel_rollup_rewind();
--> statement-breakpoint
CREATE TRIGGER stage_changes_rollup_rewind_insert AFTER INSERT ON stage_changes
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION funnel_rollup_rewind_inserted();
--> statement-breakpoint
CREATE FUNCTION funnel_stays_rewind_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funnel_stays_rolled s
     SET stays_until = date_trunc('day', i.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    FROM (SELECT team_id, min(left_at) AS at FROM inserted WHERE left_at IS NOT NULL GROUP BY team_id) i
   WHERE s.team_id = i.team_id AND s.stays_until > i.at;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER stage_changes_stays_rewind ON stage_changes;
--> statement-breakpoint
CREATE TRIGGER stage_changes_stays_rewind
AFTER DELETE OR UPDATE OF team_id, to_stage, entered_at, left_at
ON stage_changes FOR EACH ROW EXECUTE FUNCTION funnel_stays_rewind();
--> statement-breakpoint
CREATE TRIGGER stage_changes_stays_rewind_insert AFTER INSERT ON stage_changes
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION funnel_stays_rewind_inserted();
--> statement-breakpoint
CREATE FUNCTION funnel_speed_rewind_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE funnel_speed_rolled s
     SET speed_until = date_trunc('day', i.at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    FROM (SELECT team_id, min(created_at) AS at FROM inserted GROUP BY team_id) i
   WHERE s.team_id = i.team_id AND s.speed_until > i.at;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER leads_speed_rewind ON leads;
--> statement-breakpoint
CREATE TRIGGER leads_speed_rewind
AFTER DELETE OR UPDATE OF team_id, created_at, routed, sla_state, first_touch_at, first_touch_business_minutes
ON leads FOR EACH ROW EXECUTE FUNCTION funnel_speed_rewind();
--> statement-breakpoint
CREATE TRIGGER leads_speed_rewind_insert AFTER INSERT ON leads
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION funnel_speed_rewind_inserted();
--> statement-breakpoint
CREATE FUNCTION event_relay_enqueue_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_relay (team_id, source, source_id)
  SELECT team_id, TG_TABLE_NAME, id FROM inserted ORDER BY id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER lead_events_relay ON lead_events;
--> statement-breakpoint
CREATE TRIGGER lead_events_relay AFTER INSERT ON lead_events
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION event_relay_enqueue_inserted();