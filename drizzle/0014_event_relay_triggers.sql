-- The event relay's queue is filled by triggers in the transaction of each change, so the write
-- paths never need to know who listens (webhooks, CRM connectors). See src/crm/relay.ts.
CREATE FUNCTION event_relay_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_relay (team_id, source, source_id) VALUES (NEW.team_id, TG_TABLE_NAME, NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER lead_events_relay AFTER INSERT ON lead_events
  FOR EACH ROW EXECUTE FUNCTION event_relay_enqueue();
--> statement-breakpoint
CREATE TRIGGER voc_entries_relay AFTER INSERT ON voc_entries
  FOR EACH ROW EXECUTE FUNCTION event_relay_enqueue();
--> statement-breakpoint
CREATE TRIGGER retro_action_items_relay AFTER INSERT ON retro_action_items
  FOR EACH ROW EXECUTE FUNCTION event_relay_enqueue();
