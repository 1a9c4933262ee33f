-- A reopened request is timed afresh, so its breaches escalate afresh: escalation steps are unique per reopening round.
alter table sla_escalation add column round smallint not null default 0;
alter table sla_escalation drop constraint uk_sla_escalation;
alter table sla_escalation add constraint uk_sla_escalation unique (request_id, target, level, round);
