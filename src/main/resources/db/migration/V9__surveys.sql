-- Satisfaction surveys (满意度调查): questionnaires with their questions and target sites, responses with their
-- answers, and the improvement tasks a low satisfaction index raises.

create table questionnaire (
    id              bigserial primary key,
    title           varchar(200)  not null,
    intro           varchar(2000),
    opens_on        date          not null,
    closes_on       date          not null,
    per_person      boolean       not null default false,
    status          varchar(20)   not null,
    opened_at       timestamptz,
    closed_at       timestamptz,
    version         bigint        not null default 0,
    created_at      timestamptz   not null,
    created_by      varchar(64)   not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(64)   not null,
    constraint ck_questionnaire_dates check (closes_on >= opens_on)
);
create index ix_questionnaire_status_dates on questionnaire (status, opens_on, closes_on);
create index ix_questionnaire_created on questionnaire (created_at desc);

create table questionnaire_site (
    questionnaire_id bigint not null references questionnaire (id) on delete cascade,
    site_id          bigint not null references site (id),
    primary key (questionnaire_id, site_id)
);
create index ix_questionnaire_site_site on questionnaire_site (site_id);

create table survey_question (
    id               bigserial primary key,
    questionnaire_id bigint        not null references questionnaire (id) on delete cascade,
    position         integer       not null,
    kind             varchar(20)   not null,
    text             varchar(500)  not null,
    service_line     varchar(30),
    required         boolean       not null default false,
    options          varchar(2000),
    constraint ck_survey_question_line check (kind <> 'RATING' or service_line is not null)
);
create index ix_survey_question_questionnaire on survey_question (questionnaire_id, position);

-- One per household (household_key = the house) or per person (the house and the customer), enforced here too, so
-- that two people entering the same household's answer at once cannot both succeed.
create table survey_response (
    id               bigserial primary key,
    questionnaire_id bigint        not null references questionnaire (id) on delete cascade,
    site_id          bigint        not null references site (id),
    house_id         bigint        not null references house (id),
    customer_id      bigint        references customer (id),
    respondent_name  varchar(100),
    channel          varchar(20)   not null,
    household_key    varchar(60)   not null,
    submitted_at     timestamptz   not null,
    created_at       timestamptz   not null,
    created_by       varchar(64)   not null,
    constraint uk_survey_response_household unique (questionnaire_id, household_key)
);
create index ix_survey_response_questionnaire_site on survey_response (questionnaire_id, site_id);
create index ix_survey_response_house on survey_response (house_id);

-- A multiple-choice answer is one row per option chosen.
create table survey_answer (
    id               bigserial primary key,
    response_id      bigint        not null references survey_response (id) on delete cascade,
    question_id      bigint        not null references survey_question (id) on delete cascade,
    rating           integer       check (rating between 1 and 5),
    option_no        integer       check (option_no >= 0),
    text             varchar(2000)
);
create index ix_survey_answer_question on survey_answer (question_id, response_id);
create index ix_survey_answer_response on survey_answer (response_id);

create table improvement_task (
    id               bigserial primary key,
    questionnaire_id bigint        not null references questionnaire (id) on delete cascade,
    site_id          bigint        not null references site (id),
    service_line     varchar(30)   not null,
    index_value      numeric(5,1)  not null,
    status           varchar(20)   not null,
    note             varchar(2000),
    done_at          timestamptz,
    done_by          varchar(64),
    version          bigint        not null default 0,
    created_at       timestamptz   not null,
    created_by       varchar(64)   not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(64)   not null,
    constraint uk_improvement_task unique (questionnaire_id, site_id, service_line)
);
create index ix_improvement_task_status_site on improvement_task (status, site_id, created_at desc);
