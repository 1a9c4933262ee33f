package org.propertydesk.dashboard;

import java.util.Optional;

import org.propertydesk.requests.Channel;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names the slice a drill list is narrowed to, for its heading. A house, building or staff member outside the selected
 * sites (serving none of them and without work there) is not the reader's to name: it answers "not found", like the
 * record's own page.
 */
@Component
@Transactional(readOnly = true)
class DrillSlices {

    /** The slice in words: null fields do not narrow. */
    record Described(RequestKind kind, String categoryZh, String categoryEn, Channel channel, String house,
            String building, String technician) {
    }

    private final JdbcClient jdbc;

    DrillSlices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Described describe(DrillFilter filter, Drill drill, Selection selection) {
        String[] category = filter.categoryId() == null ? new String[2]
                : found("category", filter.categoryId(), jdbc.sql("select name_zh, name_en from request_category where id = ?")
                        .params(filter.categoryId()).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional());
        String house = filter.houseId() == null ? null
                : found("house", filter.houseId(), jdbc.sql("select code from house where id = :id and site_id = any(:sites)")
                        .param("id", filter.houseId()).param("sites", selection.sites()).query(String.class).optional());
        String building = filter.buildingId() == null ? null
                : found("building", filter.buildingId(), jdbc.sql("""
                        select coalesce(name, code) from building where id = :id and site_id = any(:sites)
                        """).param("id", filter.buildingId()).param("sites", selection.sites()).query(String.class).optional());
        String technician = !drill.needsStaff() || filter.staffId() == null || filter.staffId() < 0 ? null
                : found("technician", filter.staffId(), jdbc.sql("""
                        select s.display_name from staff s
                        where s.id = :id and (s.all_sites
                            or exists (select 1 from staff_site ss where ss.staff_id = s.id and ss.site_id = any(:sites))
                            or exists (select 1 from work_order w where w.technician_staff_id = s.id and w.site_id = any(:sites))
                            or exists (select 1 from service_request r where s.username in (r.created_by, r.owner_username)
                                and r.site_id = any(:sites))
                            or exists (select 1 from callback c where c.closed_by = s.username and c.site_id = any(:sites)))
                        """).param("id", filter.staffId()).param("sites", selection.sites()).query(String.class).optional());
        return new Described(filter.kind(), category[0], category[1], filter.channel(), house, building, technician);
    }

    private static <T> T found(String what, long id, Optional<T> value) {
        return value.orElseThrow(() -> new NotFoundException(what, id));
    }
}
