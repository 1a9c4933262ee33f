-- Every repair taken in asks whether the same house had the same kind of repair resolved lately (a repeat problem).
-- Through the house's index that read each of the house's requests from the heap, a random page each, 4 ms of the
-- intake at scale; this index answers it alone, and usually with nothing found, without touching the table.
create index ix_request_repeat_repair on service_request (house_id, category_id, resolved_at desc) include (id)
    where kind = 'REPAIR' and resolved_at is not null;
