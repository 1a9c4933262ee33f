-- Whether a request was ever escalated is a fact of the request: the dashboard counts it for every request of the
-- period, and probing sla_escalation once per request cost as much as the rest of the counts together.
alter table service_request add column escalated_at timestamptz;
update service_request r set escalated_at = e.first_at
from (select request_id, min(escalated_at) as first_at from sla_escalation group by request_id) e
where e.request_id = r.id;

-- The dashboard's figures read the requests of some sites received in a period. With every column they read in the
-- index, they come from the index alone instead of one heap page per request (a site's requests are spread over
-- the whole table by time). It replaces the plain (site_id, received_at) index, which served the same lookups.
create index ix_request_site_received_figures on service_request (site_id, received_at)
    include (id, kind, status, channel, category_id, house_id, acknowledged_at, due_acknowledge_at, arrived_at,
             due_arrival_at, resolved_at, due_resolve_at, first_contact_resolution, follow_ups, reopen_count,
             repeat_of_id, promise_kept, escalated_at);
drop index ix_request_site_received;

-- An index-only read skips the heap only for pages marked all-visible, which a vacuum does. By default the table is
-- vacuumed after a fifth of it changed, which for a year of requests leaves the recent weeks, the ones dashboards
-- read most, unmarked; vacuum after 2 %.
alter table service_request set (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);

-- The satisfaction trend of a dashboard starts from the sites: which questionnaires they have answers for, and
-- those answers. Led by the questionnaire, the existing index made it read every response of every site.
create index ix_survey_response_site_questionnaire on survey_response (site_id, questionnaire_id);

-- The technicians' figures read the jobs completed in the period and the ratings of their requests; both now come
-- from the index alone, which replaces the narrower one on the same key.
create index ix_work_order_site_completed_figures on work_order (site_id, completed_at)
    include (technician_staff_id, request_id, arrived_at, due_arrival_at, reopen_count)
    where status = 'COMPLETED';
drop index ix_work_order_site_completed;
create index ix_request_rating_site_rated on request_rating (site_id, rated_at) include (request_id, overall);
drop index ix_request_rating_site;

-- The callbacks' figures read the callbacks due in the period with what the figures ask of them, from the index alone.
create index ix_callback_site_due_figures on callback (site_id, due_at)
    include (request_id, status, closed_at, satisfaction);
drop index ix_callback_site_due_all;
