-- A reopened request's targets are timed from the reopening: the clock's start is kept apart from the receipt.
alter table service_request add column clock_started_at timestamptz;
update service_request set clock_started_at = received_at;
alter table service_request alter column clock_started_at set not null;

-- Notification arguments can carry a reason a person wrote.
alter table notification alter column arguments type text;
