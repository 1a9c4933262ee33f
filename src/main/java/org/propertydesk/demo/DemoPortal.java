package org.propertydesk.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.propertydesk.portal.OwnerAccounts;
import org.propertydesk.requests.OwnerRequests;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The owner portal's demo: two owners of different houses at 翠湖苑 with accounts {@code owner} and {@code owner2},
 * the first with a repair still being worked on and one done and waiting for their word, and an urgent notice to
 * the site.
 */
@Component
class DemoPortal {

    private final JdbcClient jdbc;
    private final OwnerAccounts accounts;
    private final OwnerRequests ownerRequests;
    private final RequestIntake intake;
    private final UserDetailsService users;

    DemoPortal(JdbcClient jdbc, OwnerAccounts accounts, OwnerRequests ownerRequests, RequestIntake intake,
            UserDetailsService users) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ownerRequests = ownerRequests;
        this.intake = intake;
        this.users = users;
    }

    void load(String password, Instant now) {
        List<long[]> owners = jdbc.sql("""
                select o.customer_id, o.house_id from occupancy o
                join house h on h.id = o.house_id
                join site s on s.id = h.site_id
                join customer c on c.id = o.customer_id
                where s.code = 'CHY' and o.role = 'OWNER' and o.end_date is null and c.customer_type = 'PERSON'
                  and exists (select 1 from customer_phone p where p.customer_id = c.id)
                  and not exists (select 1 from occupancy t where t.house_id = o.house_id and t.role = 'TENANT' and t.end_date is null)
                order by h.code limit 2
                """).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        accounts.ensureAccount(owners.get(0)[0], "owner", password);
        accounts.ensureAccount(owners.get(1)[0], "owner2", password);
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            long[] first = owners.get(0);
            OwnerRequests.Household household = ownerRequests.householdOf(first[0]);
            actAs(users.loadUserByUsername("owner"));
            long done = ownerRequests.submit(household, new OwnerRequests.NewRequest(RequestKind.REPAIR, "DOOR_LOCK",
                    first[1], "入户门锁芯卡住，钥匙转不动", null, null, null), List.of());
            ownerRequests.submit(household, new OwnerRequests.NewRequest(RequestKind.REPAIR, "PLUMBING", first[1],
                    "厨房水槽下水很慢，可能堵了", now.plus(Duration.ofHours(20)), now.plus(Duration.ofHours(23)), null),
                    List.of());
            actAs(users.loadUserByUsername("frontdesk"));
            intake.act(done, "acknowledge", null);
            intake.act(done, "dispatch", null);
            intake.act(done, "arrive", null);
            intake.act(done, "resolve", "更换锁芯，已试开正常");
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        long site = jdbc.sql("select id from site where code = 'CHY'").query(Long.class).single();
        long notice = jdbc.sql("""
                insert into notice (title, body, urgent, valid_from, valid_until, published_by_name,
                                    created_at, created_by, updated_at, updated_by)
                values ('明日 9:00–12:00 停水通知', '因市政管网检修，翠湖苑全小区明日 9:00 至 12:00 停水，请提前储水。如有特殊困难请联系客服前台。',
                        true, :from, :until, '刘经理', :from, 'manager', :from, 'manager') returning id
                """).param("from", Timestamp.from(now.minus(Duration.ofHours(2))))
                .param("until", Timestamp.from(now.plus(Duration.ofDays(2)))).query(Long.class).single();
        jdbc.sql("insert into notice_site (notice_id, site_id) values (?, ?)").params(notice, site).update();
    }

    private static void actAs(UserDetails user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
