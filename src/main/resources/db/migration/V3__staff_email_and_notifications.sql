-- Staff get an email address for notifications; notifications were created with the requests schema.
alter table staff add column email varchar(200);
