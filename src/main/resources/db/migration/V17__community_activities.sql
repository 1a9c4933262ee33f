-- Community activities (社区活动): what a site plans, who signed up (confirmed within the capacity, or waiting in
-- order), who came, and how attendees rated it; the ratings count in the satisfaction index's ACTIVITIES line.

create table activity (
    id              bigserial primary key,
    site_id         bigint        not null references site (id),
    title           varchar(200)  not null,
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    -- The day it starts in the site's time zone: the satisfaction index assigns activities to questionnaires by day.
    held_on         date          not null,
    place           varchar(200)  not null,
    capacity        integer       not null check (capacity between 1 and 10000),
    description     varchar(5000),
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null,
    constraint ck_activity_times check (ends_at > starts_at)
);
create index ix_activity_site_starts on activity (site_id, starts_at desc);
create index ix_activity_site_held on activity (site_id, held_on);

create sequence activity_queue_seq;

-- One row per person and activity; cancelling keeps the row, signing up again puts it at the end of the queue.
-- queue_no orders the queue: numbers are drawn while the activity's row is locked, so they follow the order in which
-- sign-ups were accepted.
create table activity_sign_up (
    id              bigserial primary key,
    activity_id     bigint        not null references activity (id) on delete cascade,
    customer_id     bigint        not null references customer (id),
    house_id        bigint        not null references house (id),
    status          varchar(20)   not null check (status in ('CONFIRMED', 'WAITING', 'CANCELLED')),
    queue_no        bigint        not null,
    signed_up_at    timestamptz   not null,
    cancelled_at    timestamptz,
    attended        boolean,
    attendance_by   varchar(64),
    rating          integer       check (rating between 1 and 5),
    rated_at        timestamptz,
    constraint uk_activity_sign_up unique (activity_id, customer_id),
    constraint ck_activity_sign_up_rating check (rating is null or (attended and status = 'CONFIRMED'))
);
create index ix_activity_sign_up_queue on activity_sign_up (activity_id, status, queue_no);
create index ix_activity_sign_up_customer on activity_sign_up (customer_id);
create index ix_activity_sign_up_rated on activity_sign_up (activity_id) where rating is not null;

-- Every rating the satisfaction index counts, as (questionnaire, site, service line, rating 1–5): the rating answers
-- of survey responses, and the ratings of a site's activities. An activity's ratings belong to the first questionnaire
-- for its site (not a draft) that closes on or after the day it was held, so each counts in exactly one.
create view satisfaction_rating as
select r.questionnaire_id, r.site_id, q.service_line, a.rating
from survey_answer a
join survey_response r on r.id = a.response_id
join survey_question q on q.id = a.question_id
where a.rating is not null
union all
select qn.id, act.site_id, cast('ACTIVITIES' as varchar(30)), su.rating
from activity_sign_up su
join activity act on act.id = su.activity_id
join lateral (
    select q.id from questionnaire q
    join questionnaire_site qs on qs.questionnaire_id = q.id
    where qs.site_id = act.site_id and q.status <> 'DRAFT' and q.closes_on >= act.held_on
    order by q.closes_on, q.id
    limit 1
) qn on true
where su.rating is not null;

create index ix_questionnaire_closes on questionnaire (closes_on, id);
