-- Fees (费用) as the front desk sees them: bills imported from the finance system, and the reminders (催缴) the desk
-- makes about overdue ones. The finance system stays the book of record; a re-import overwrites what it sent before.

-- One bill per house, fee item and period: the key a re-import matches on. The site is copied from the house so that
-- the arrears list of a site reads one table.
create table fee_bill (
    id              bigserial primary key,
    site_id         bigint         not null references site (id),
    house_id        bigint         not null references house (id),
    fee_item        varchar(50)    not null,
    period          varchar(20)    not null,
    amount_due      numeric(12, 2) not null,
    amount_paid     numeric(12, 2) not null,
    due_date        date           not null,
    imported_at     timestamptz    not null,
    imported_by     varchar(64)    not null,
    constraint uk_fee_bill unique (house_id, fee_item, period),
    constraint ck_fee_bill_amounts check (amount_due >= 0 and amount_paid >= 0 and amount_paid <= amount_due)
);
create index ix_fee_bill_house on fee_bill (house_id, due_date desc);
-- The arrears list: unpaid bills of a site by due date.
create index ix_fee_bill_site_unpaid on fee_bill (site_id, due_date) where amount_paid < amount_due;

-- A reminder about a house's overdue fees: by phone, visit, letter, or through the portal (which the owner sees on
-- their bills page). The overdue amount is kept as it was when reminded.
create table fee_reminder (
    id              bigserial primary key,
    site_id         bigint         not null references site (id),
    house_id        bigint         not null references house (id),
    channel         varchar(20)    not null,
    outcome         varchar(20)    not null,
    note            varchar(500),
    overdue_amount  numeric(12, 2) not null,
    staff_username  varchar(64)    not null,
    staff_name      varchar(100)   not null,
    reminded_at     timestamptz    not null
);
create index ix_fee_reminder_house on fee_reminder (house_id, reminded_at desc);
