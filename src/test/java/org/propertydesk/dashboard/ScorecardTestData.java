package org.propertydesk.dashboard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The people of a scorecard on top of {@link DashboardTestData}: staff with a role at a site, and who took a request,
 * is its handler (负责人) or completed its callback, recorded the way the application records them (by login).
 */
@Component
final class ScorecardTestData {

    private final JdbcClient jdbc;

    ScorecardTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Staff(long id, String username, String name) {
    }

    /** An active staff member with this role serving the site; the name is made unique. */
    Staff staff(DashboardTestData.Site site, String role, String name) {
        String username = "sc-" + DashboardTestData.unique();
        String displayName = name + username.substring(3);
        long id = jdbc.sql("""
                insert into staff (username, display_name, phone, password_hash, active, all_sites,
                                   created_at, created_by, updated_at, updated_by)
                values (?, ?, '13900000000', '{noop}x', true, false, now(), 'test', now(), 'test') returning id
                """).params(username, displayName).query(Long.class).single();
        jdbc.sql("insert into staff_role (staff_id, role) values (?, ?)").params(id, role).update();
        jdbc.sql("insert into staff_site (staff_id, site_id) values (?, ?)").params(id, site.id()).update();
        return new Staff(id, username, displayName);
    }

    /** The person took the request at the front desk and is its handler. */
    void takenBy(DashboardTestData.Request request, Staff staff) {
        jdbc.sql("update service_request set created_by = ?, owner_username = ?, owner_name = ? where id = ?")
                .params(staff.username(), staff.username(), staff.name(), request.id()).update();
    }

    /** Someone else (an owner in the portal) reported it; the person is its handler. */
    void handledBy(DashboardTestData.Request request, Staff staff) {
        jdbc.sql("update service_request set created_by = 'owner-sc', owner_username = ?, owner_name = ? where id = ?")
                .params(staff.username(), staff.name(), request.id()).update();
    }

    /** The person closed the request's callback of that round (done, unreachable or cancelled as built). */
    void calledBackBy(DashboardTestData.Request request, int round, Staff staff) {
        jdbc.sql("update callback set closed_by = ?, closed_by_name = ? where request_id = ? and round = ?")
                .params(staff.username(), staff.name(), request.id(), round).update();
    }
}
