package org.propertydesk.staff;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.propertydesk.shared.security.AccountSource;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.security.SiteScope;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Staff accounts, asked first: a staff username is never an owner's. Every page a logged-in person opens reads their
 * account again (so that deactivation and changed roles apply at once), hence one query for the account with its roles
 * and sites rather than an entity and two collections.
 */
@Service
@Order(1)
class StaffAccountSource implements AccountSource {

    private final JdbcClient jdbc;

    StaffAccountSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PropertyDeskUser> find(String username) {
        return jdbc.sql("""
                select s.id, s.username, s.display_name, s.password_hash, s.active, s.all_sites,
                       array(select r.role from staff_role r where r.staff_id = s.id) as roles,
                       array(select ss.site_id from staff_site ss where ss.staff_id = s.id) as sites
                from staff s where s.username = ?""")
                .param(username.trim())
                .query((rs, n) -> {
                    Set<Role> roles = Arrays.stream((Object[]) array(rs.getArray("roles")))
                            .map(role -> Role.valueOf((String) role)).collect(Collectors.toSet());
                    Set<Long> sites = Arrays.stream((Object[]) array(rs.getArray("sites")))
                            .map(site -> ((Number) site).longValue()).collect(Collectors.toSet());
                    return new PropertyDeskUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), rs.getBoolean("active"), roles,
                            rs.getBoolean("all_sites") ? SiteScope.all() : SiteScope.of(sites));
                })
                .optional();
    }

    private static Object array(Array array) throws SQLException {
        return array.getArray();
    }
}
