-- Keeps voc_rollups, voc_rollup_competitors and voc_rollup_tags (src/db/schema.ts) equal to
-- voc_entries: every statement that inserts, deletes or changes entries recounts the UTC days it
-- touched from the entries, then their months from the days, in its own transaction. Recounting
-- rather than adding deltas keeps the newest entry and the first spelling right when the entry
-- holding them is edited or deleted.
CREATE FUNCTION voc_rollup_recount(teams text[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m_teams text[];
  months date[];
BEGIN
  SELECT array_agg(team_id), array_agg(month) INTO m_teams, months
    FROM (SELECT DISTINCT team_id, date_trunc('month', day)::date AS month FROM unnest(teams, days) s(team_id, day)) m;

  -- A month's tags are many rows: they move by what their days change, not recounted (below).
  UPDATE voc_rollup_tags m SET entries = m.entries - d.entries
    FROM (SELECT r.team_id, date_trunc('month', r.day)::date AS month, r.category, r.tag, sum(r.entries) AS entries
            FROM unnest(teams, days) s(team_id, day)
            JOIN voc_rollup_tags r ON r.team_id = s.team_id AND r.grain = 'day' AND r.day = s.day
           GROUP BY 1, 2, 3, 4) d
   WHERE m.team_id = d.team_id AND m.grain = 'month' AND m.day = d.month
     AND m.category IS NOT DISTINCT FROM d.category AND m.tag = d.tag;

  DELETE FROM voc_rollups r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.grain = 'day' AND r.day = s.day;
  DELETE FROM voc_rollup_competitors r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.grain = 'day' AND r.day = s.day;
  DELETE FROM voc_rollup_tags r USING unnest(teams, days) s(team_id, day)
   WHERE r.team_id = s.team_id AND r.grain = 'day' AND r.day = s.day;

  INSERT INTO voc_rollups (team_id, grain, day, category, entries, newest_at, newest_id)
  SELECT e.team_id, 'day', s.day, e.category, count(*),
         max(e.created_at), (array_agg(e.id ORDER BY e.created_at DESC, e.id DESC))[1]
    FROM unnest(teams, days) s(team_id, day)
    JOIN voc_entries e ON e.team_id = s.team_id
     AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
     AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
   GROUP BY e.team_id, s.day, e.category;

  -- Trimmed as JavaScript's trim() would, compared lower-cased: as src/db/queries/voc-report.ts does.
  INSERT INTO voc_rollup_competitors (team_id, grain, day, category, key, entries, first_name, first_at, first_id)
  SELECT team_id, 'day', day, category, lower(name), count(*),
         (array_agg(name ORDER BY created_at, id))[1], min(created_at), (array_agg(id ORDER BY created_at, id))[1]
    FROM (SELECT e.team_id, s.day, e.category, e.id, e.created_at,
                 btrim(e.competitor, E' \t\n\r\f\x0b\u00a0\ufeff\u2028\u2029\u3000') AS name
            FROM unnest(teams, days) s(team_id, day)
            JOIN voc_entries e ON e.team_id = s.team_id
             AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
             AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
           WHERE e.competitor IS NOT NULL) n
   WHERE name <> ''
   GROUP BY team_id, day, category, lower(name);

  -- An entry counts once per tag, however often it lists it.
  INSERT INTO voc_rollup_tags (team_id, grain, day, category, tag, entries)
  SELECT e.team_id, 'day', s.day, e.category, t.tag, count(*)
    FROM unnest(teams, days) s(team_id, day)
    JOIN voc_entries e ON e.team_id = s.team_id
     AND e.created_at >= s.day::timestamp AT TIME ZONE 'UTC'
     AND e.created_at < (s.day + 1)::timestamp AT TIME ZONE 'UTC'
   CROSS JOIN LATERAL (SELECT DISTINCT unnest(e.tags)) t(tag)
   GROUP BY e.team_id, s.day, e.category, t.tag;

  -- The months' counts and newest, from their days: a year reads twelve months instead of 365 days.
  DELETE FROM voc_rollups r USING unnest(m_teams, months) s(team_id, month)
   WHERE r.team_id = s.team_id AND r.grain = 'month' AND r.day = s.month;
  DELETE FROM voc_rollup_competitors r USING unnest(m_teams, months) s(team_id, month)
   WHERE r.team_id = s.team_id AND r.grain = 'month' AND r.day = s.month;

  INSERT INTO voc_rollups (team_id, grain, day, category, entries, newest_at, newest_id)
  SELECT r.team_id, 'month', s.month, r.category, sum(r.entries),
         max(r.newest_at), (array_agg(r.newest_id ORDER BY r.newest_at DESC, r.newest_id DESC))[1]
    FROM unnest(m_teams, months) s(team_id, month)
    JOIN voc_rollups r ON r.team_id = s.team_id AND r.grain = 'day'
     AND r.day >= s.month AND r.day < (s.month + interval '1 month')::date
   GROUP BY r.team_id, s.month, r.category;

  INSERT INTO voc_rollup_competitors (team_id, grain, day, category, key, entries, first_name, first_at, first_id)
  SELECT r.team_id, 'month', s.month, r.category, r.key, sum(r.entries),
         (array_agg(r.first_name ORDER BY r.first_at, r.first_id))[1], min(r.first_at),
         (array_agg(r.first_id ORDER BY r.first_at, r.first_id))[1]
    FROM unnest(m_teams, months) s(team_id, month)
    JOIN voc_rollup_competitors r ON r.team_id = s.team_id AND r.grain = 'day'
     AND r.day >= s.month AND r.day < (s.month + interval '1 month')::date
   GROUP BY r.team_id, s.month, r.category, r.key;

  WITH d AS (
    SELECT r.team_id, date_trunc('month', r.day)::date AS month, r.category, r.tag, sum(r.entries)::int AS entries
      FROM unnest(teams, days) s(team_id, day)
      JOIN voc_rollup_tags r ON r.team_id = s.team_id AND r.grain = 'day' AND r.day = s.day
     GROUP BY 1, 2, 3, 4
  ),
  added AS (
    UPDATE voc_rollup_tags m SET entries = m.entries + d.entries
      FROM d
     WHERE m.team_id = d.team_id AND m.grain = 'month' AND m.day = d.month
       AND m.category IS NOT DISTINCT FROM d.category AND m.tag = d.tag
    RETURNING d.team_id, d.month, d.category, d.tag
  )
  INSERT INTO voc_rollup_tags (team_id, grain, day, category, tag, entries)
  SELECT d.team_id, 'month', d.month, d.category, d.tag, d.entries FROM d
   WHERE NOT EXISTS (SELECT 1 FROM added a WHERE a.team_id = d.team_id AND a.month = d.month
                       AND a.category IS NOT DISTINCT FROM d.category AND a.tag = d.tag);

  DELETE FROM voc_rollup_tags r USING unnest(m_teams, months) s(team_id, month)
   WHERE r.team_id = s.team_id AND r.grain = 'month' AND r.day = s.month AND r.entries = 0;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_rollup_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  teams text[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_new) s;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_old) s;
  ELSE
    -- Only entries whose counted columns changed: routing a post or linking a lead recounts nothing.
    SELECT array_agg(team_id), array_agg(day) INTO teams, days
      FROM (SELECT DISTINCT c.team_id, (c.created_at AT TIME ZONE 'UTC')::date AS day
              FROM voc_old o JOIN voc_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.team_id, o.created_at), (n.team_id, n.created_at)) c(team_id, created_at)
             WHERE (o.team_id, o.created_at, o.category, o.competitor, o.tags)
                   IS DISTINCT FROM (n.team_id, n.created_at, n.category, n.competitor, n.tags)) s;
  END IF;
  IF teams IS NULL THEN
    RETURN NULL;
  END IF;
  -- One recount of a team's month at a time, in a fixed order (no deadlocks): each statement of
  -- the recount then reads what other transactions committed meanwhile, so the last one counts all.
  PERFORM pg_advisory_xact_lock(k)
     FROM (SELECT DISTINCT hashtext('baton:voc_rollup:' || t || ':' || date_trunc('month', d)::date) AS k
             FROM unnest(teams, days) s(t, d)) l
    ORDER BY k;
  PERFORM voc_rollup_recount(teams, days);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION voc_rollup_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM voc_rollups;
  DELETE FROM voc_rollup_competitors;
  DELETE FROM voc_rollup_tags;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER voc_entries_rollup_insert AFTER INSERT ON voc_entries
  REFERENCING NEW TABLE AS voc_new FOR EACH STATEMENT EXECUTE FUNCTION voc_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_rollup_delete AFTER DELETE ON voc_entries
  REFERENCING OLD TABLE AS voc_old FOR EACH STATEMENT EXECUTE FUNCTION voc_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_rollup_update AFTER UPDATE ON voc_entries
  REFERENCING OLD TABLE AS voc_old NEW TABLE AS voc_new FOR EACH STATEMENT EXECUTE FUNCTION voc_rollup_refresh();
--> statement-breakpoint
CREATE TRIGGER voc_entries_rollup_truncate AFTER TRUNCATE ON voc_entries
  FOR EACH STATEMENT EXECUTE FUNCTION voc_rollup_clear();
--> statement-breakpoint
-- The entries stored before the rollups existed.
SELECT voc_rollup_recount(array_agg(team_id), array_agg(day))
  FROM (SELECT DISTINCT team_id, (created_at AT TIME ZONE 'UTC')::date AS day FROM voc_entries) s;
