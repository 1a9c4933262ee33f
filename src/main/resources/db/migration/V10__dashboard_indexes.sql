-- Dashboards read requests by site and period: received in it, open at its end (touched since), callbacks due in
-- it and jobs completed in it.
create index ix_request_site_received on service_request (site_id, received_at);
create index ix_request_site_updated on service_request (site_id, updated_at);
create index ix_callback_site_due_all on callback (site_id, due_at);
create index ix_work_order_site_completed on work_order (site_id, completed_at) where status = 'COMPLETED';
