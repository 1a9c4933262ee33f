-- A request from a customer with a care flag carries the 72-hour special-needs target (DOMAIN.md); the flag is kept
-- on the request so that replanning after a change of kind or priority, or a reopening, keeps the ceiling.
-- Requests received before this change keep the plan they were given, so they are not flagged.
alter table service_request add column special_needs boolean not null default false;

