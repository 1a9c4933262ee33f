import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a freshly migrated, empty PropertyDesk database with one year of a property company, in SQL only
 * (generate_series and insert ... select, no row-by-row work): sites with buildings, units and houses, customers with
 * phones, care flags and occupancies, staff for the load driver, technicians with skills and a duty roster, service
 * requests with their timelines, work orders, SLA escalations, callbacks and ratings, and quarterly satisfaction
 * surveys with answers.
 * <p>
 * Run with the PostgreSQL driver on the class path (Java 17 single-file launch):
 * {@code java -cp postgresql.jar bench/Generate.java <jdbc-url> <scale>}; scale 1 is the large company of issue 8
 * (200 sites, 200 000 houses, 300 000 customers, 2 000 000 requests), 0.1 the small size.
 * <p>
 * Pseudo-random choices come from {@code hashint8} of the row's id and a salt, so the same scale makes the same
 * choices on every machine and every run. Times are relative to the moment of generation, so "the last 90 days"
 * always has a quarter of the year's requests, and runs differ only in where "now" cuts the latest timelines.
 * Staff accounts get the password hash of the bootstrap {@code admin} account the harness created (the app's own
 * encoder), so every bench account logs in with the bench password.
 */
public class Generate {

    static final int HOUSES_PER_SITE = 1000;
    static final int REQUESTS_PER_SITE = 10_000;
    static final int TECHNICIANS_PER_SITE = 5;
    static final int DISPATCHER_SITES = 5;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp postgresql.jar Generate.java <jdbc-url> <scale>|forget-intake");
            System.exit(2);
        }
        if (args[1].equals("forget-intake")) {
            try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
                forgetIntake(db);
            }
            return;
        }
        double scale = Double.parseDouble(args[1]);
        int sites = Math.max(2, (int) Math.round(200 * scale));
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "")) {
            new Generate(db, sites).run();
        }
    }

    /**
     * Cancels the requests that earlier runs' intake scenario took in (created by the call-centre account) and their
     * jobs. Each run adds a couple of thousand new requests; on reused data they piled up in the queues and on the
     * boards the later scenarios measure, so that every run measured a bigger backlog than the last. (Cancelled
     * rather than deleted: nothing in the product deletes a request, so nothing indexes the references a delete
     * would have to check.)
     */
    static void forgetIntake(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("update work_order set status = 'CANCELLED' where status in ('ASSIGNED', 'ACCEPTED', 'ON_SITE', 'PAUSED')"
                    + " and request_id in (select id from service_request where created_by = 'bench-callcentre')");
            int cancelled = s.executeUpdate("update service_request set status = 'CANCELLED', cancelled_at = now(),"
                    + " cancel_reason = 'benchmark run over' where created_by = 'bench-callcentre'"
                    + " and status not in ('RESOLVED', 'CLOSED', 'CANCELLED')");
            s.execute("vacuum analyze service_request");
            System.out.println("cancelled " + cancelled + " requests taken in by earlier runs");
        }
    }

    private final Connection db;
    private final int sites;

    Generate(Connection db, int sites) {
        this.db = db;
        this.sites = sites;
    }

    void run() throws SQLException {
        long started = System.nanoTime();
        try (Statement s = db.createStatement()) {
            ResultSet existing = s.executeQuery("select count(*) from site");
            existing.next();
            if (existing.getLong(1) > 0) {
                throw new IllegalStateException("the database already has sites; the generator needs an empty one");
            }
        }
        db.setAutoCommit(false);
        exec("session settings", """
                set local synchronous_commit = off;
                set local work_mem = '256MB';
                set local maintenance_work_mem = '256MB'
                """);
        exec("helper functions", FUNCTIONS);
        exec("sites, buildings, units", SITES);
        exec("houses", HOUSES);
        exec("customers", CUSTOMERS);
        exec("phones, care flags", PHONES);
        exec("occupancies", OCCUPANCIES);
        exec("staff and technicians", STAFF);
        exec("duty roster", ROSTER);
        exec("requests (staging)", REQUEST_PLAN);
        exec("drop request indexes", DROP_INDEXES);
        exec("service_request", REQUESTS);
        exec("request_event", EVENTS);
        exec("work_order", WORK_ORDERS);
        exec("sla_escalation", ESCALATIONS);
        exec("callback", CALLBACKS);
        exec("request_rating", RATINGS);
        exec("rebuild request indexes", RESTORE_INDEXES);
        exec("surveys", SURVEYS);
        exec("counters and sequences", SEQUENCES);
        db.commit();
        db.setAutoCommit(true);
        exec("vacuum analyze", "vacuum analyze");
        System.out.println();
        try (Statement s = db.createStatement()) {
            ResultSet counts = s.executeQuery("""
                    select (select count(*) from site), (select count(*) from house), (select count(*) from customer),
                           (select count(*) from service_request), (select count(*) from request_event),
                           (select count(*) from work_order), (select count(*) from callback),
                           (select count(*) from request_rating), (select count(*) from survey_answer),
                           pg_size_pretty(pg_database_size(current_database()))
                    """);
            counts.next();
            System.out.printf("generated: %d sites, %d houses, %d customers, %d requests, %d events, %d work orders, "
                    + "%d callbacks, %d ratings, %d survey answers; database %s; %.0f s%n",
                    counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getLong(4), counts.getLong(5),
                    counts.getLong(6), counts.getLong(7), counts.getLong(8), counts.getLong(9), counts.getString(10),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private void exec(String step, String sql) throws SQLException {
        long t0 = System.nanoTime();
        String text = sql.replace(":sites", Integer.toString(sites))
                .replace(":houses_per_site", Integer.toString(HOUSES_PER_SITE))
                .replace(":requests", Long.toString((long) sites * REQUESTS_PER_SITE))
                .replace(":techs", Integer.toString(TECHNICIANS_PER_SITE))
                .replace(":dispatcher_sites", Integer.toString(DISPATCHER_SITES));
        try (Statement s = db.createStatement()) {
            for (String statement : split(text)) {
                s.execute(statement);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("  %-26s %7.1f s%n", step, ms / 1000.0);
    }

    /** Statements are separated by a semicolon at the end of a line; function bodies use $$ quoting without one. */
    private static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : sql.split("\n")) {
            if ((line.split("\\$\\$", -1).length - 1) % 2 == 1) {
                inBody = !inBody;
            }
            current.append(line).append('\n');
            if (!inBody && line.strip().endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /**
     * f(x, salt): a uniform fraction in [0, 1); n(x, salt, n): an integer in [0, n). Both from hashint8, so they are
     * the same on every run. mobile(id): the customer's mobile number, unique per id below 10^8.
     */
    static final String FUNCTIONS = """
            create or replace function pg_temp.f(x bigint, salt int) returns float8 language sql immutable as
            $$ select (hashint8(x * 1000003 + salt) & 2147483647)::float8 / 2147483648.0 $$;
            create or replace function pg_temp.n(x bigint, salt int, n int) returns int language sql immutable as
            $$ select ((hashint8(x * 1000003 + salt) & 2147483647) % n)::int $$;
            create or replace function pg_temp.mobile(id bigint) returns varchar language sql immutable as
            $$ select '1' || (array['38','39','58','59','86','87','36','37','35','88'])[1 + ((hashint8(id * 1000003 + 77) & 2147483647) % 10)::int]
                      || lpad(((id * 7919 + 12345) % 100000000)::text, 8, '0') $$;
            """;

    static final String SITES = """
            insert into site (id, code, name, address, property_type, created_at, created_by, updated_at, updated_by)
            select i, 'S' || lpad(i::text, 3, '0'),
                   (array['翠湖','金桥','阳光','绿地','滨江','锦绣','华府','世纪','东方','明珠','春申','古北','静安','徐汇','望江'])[1 + i % 15]
                   || (array['苑','花园','公寓','名邸','新城','家园','雅苑','豪庭'])[1 + (i / 15) % 8] || i || '期',
                   '上海市浦东新区示范路 ' || i || ' 号',
                   case when i % 10 = 0 then 'OFFICE' when i % 23 = 0 then 'COMMERCIAL' else 'RESIDENTIAL' end,
                   now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from generate_series(1, :sites) i;
            insert into building (id, site_id, code, name, floors, created_at, created_by, updated_at, updated_by)
            select (s - 1) * 10 + b, s, b::text, b || '号楼', 25, now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from generate_series(1, :sites) s, generate_series(1, 10) b;
            insert into unit (id, building_id, code, created_at, created_by, updated_at, updated_by)
            select (b - 1) * 2 + u, b, u::text, now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from generate_series(1, :sites * 10) b, generate_series(1, 2) u;
            """;

    /** 1000 houses a site: 10 buildings of 2 units, 25 floors, 2 rooms a floor; '3-2-1502' is building 3, unit 2, room 1502. */
    static final String HOUSES = """
            insert into house (id, site_id, building_id, unit_id, room_no, code, floor, area, house_use, status,
                               handover_date, warranty_end, created_at, created_by, updated_at, updated_by)
            select id, s, (s - 1) * 10 + b, ((s - 1) * 10 + b - 1) * 2 + u, fl || '0' || r, b || '-' || u || '-' || fl || '0' || r,
                   fl, case r when 1 then 89.50 else 126.30 end,
                   case when s % 10 = 0 then (case when fl = 1 then 'SHOP' else 'OFFICE' end) else 'RESIDENTIAL' end,
                   case when id % 2 = 0 and pg_temp.n(id, 1, 100) < 30 then 'RENTED'
                        when pg_temp.n(id, 1, 100) >= 95 then 'VACANT'
                        when pg_temp.n(id, 1, 100) >= 92 then 'DECORATING'
                        else 'OCCUPIED' end,
                   date '2015-01-01' + pg_temp.n(id, 2, 3000), date '2020-01-01' + pg_temp.n(id, 2, 3000),
                   now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from (select (s - 1) * :houses_per_site + (b - 1) * 100 + (u - 1) * 50 + (fl - 1) * 2 + r as id, s, b, u, fl, r
                  from generate_series(1, :sites) s, generate_series(1, 10) b, generate_series(1, 2) u,
                       generate_series(1, 25) fl, generate_series(1, 2) r) x;
            """;

    /**
     * Customer i (i <= houses) owns house i; customer houses + k lives in house 2k: the tenant when it is rented,
     * else a family member. 1.5 customers a house, 300 000 for 200 000 houses.
     */
    static final String CUSTOMERS = """
            insert into customer (id, site_id, customer_type, name, id_number, value_tier, disposition, birthday,
                                  created_at, created_by, updated_at, updated_by)
            select c.id, h.site_id, 'PERSON',
                   substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤', 1 + pg_temp.n(c.id, 3, 100), 1)
                   || substr('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志文斌海燕欣怡子涵浩然宇轩梓萱一诺雨桐俊晓丹红春梅立新庆', 1 + pg_temp.n(c.id, 4, 60), 1)
                   || case when pg_temp.n(c.id, 5, 3) > 0
                           then substr('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国玉志文斌海燕欣怡子涵浩然宇轩梓萱一诺雨桐俊晓丹红春梅立新庆', 1 + pg_temp.n(c.id, 6, 60), 1)
                           else '' end,
                   '310115' || to_char(date '1940-01-01' + pg_temp.n(c.id, 7, 23000), 'YYYYMMDD') || lpad(pg_temp.n(c.id, 8, 10000)::text, 4, '0'),
                   (array['ORDINARY','ORDINARY','ORDINARY','IMPORTANT','STRATEGIC'])[1 + pg_temp.n(c.id, 9, 5)],
                   (array['SERVICE_MINDED','OPINION_MINDED','COST_MINDED', null])[1 + pg_temp.n(c.id, 10, 4)],
                   date '1940-01-01' + pg_temp.n(c.id, 7, 23000),
                   now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from (select i as id, i as house_id from generate_series(1, :sites * :houses_per_site) i
                  union all
                  select :sites * :houses_per_site + k, 2 * k from generate_series(1, :sites * :houses_per_site / 2) k) c
            join house h on h.id = c.house_id;
            """;

    static final String PHONES = """
            insert into customer_phone (customer_id, number, label, position)
            select id, pg_temp.mobile(id), null, 0 from customer;
            insert into customer_phone (customer_id, number, label, position)
            select id, '021' || lpad(((id * 104729) % 100000000)::text, 8, '0'), null, 1 from customer where pg_temp.n(id, 11, 5) = 0;
            insert into customer_care_flag (customer_id, flag)
            select id, case when pg_temp.n(id, 12, 4) = 0 then 'DISABILITY' else 'ELDERLY_ALONE' end
            from customer where pg_temp.n(id, 13, 100) < 3;
            """;

    static final String OCCUPANCIES = """
            insert into occupancy (customer_id, house_id, role, start_date, end_date, primary_contact,
                                   created_at, created_by, updated_at, updated_by)
            select h.id, h.id, 'OWNER', coalesce(h.handover_date, date '2018-01-01'), null, h.status <> 'RENTED',
                   now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from house h;
            insert into occupancy (customer_id, house_id, role, start_date, end_date, primary_contact,
                                   created_at, created_by, updated_at, updated_by)
            select c.id, h.id, case when h.status = 'RENTED' then 'TENANT' else 'FAMILY_MEMBER' end,
                   coalesce(h.handover_date, date '2018-01-01') + 30, null, h.status = 'RENTED',
                   now() - interval '400 days', 'bench', now() - interval '400 days', 'bench'
            from customer c join house h on h.id = 2 * (c.id - :sites * :houses_per_site)
            where c.id > :sites * :houses_per_site;
            """;

    /**
     * The driver's accounts, all with the bootstrap admin's password: a front desk of two sites, a call centre of all
     * sites (API intake), a dispatcher of five sites, a manager of all sites and one of site 1, and five technicians a
     * site with skills (ids 1000 + ...). bench-tech-1-1 is the technician whose job list is measured.
     */
    static final String STAFF = """
            insert into staff (id, username, display_name, phone, password_hash, active, all_sites,
                               created_at, created_by, updated_at, updated_by)
            select v.id, v.username, v.display_name, null, a.password_hash, true, v.all_sites,
                   now(), 'bench', now(), 'bench'
            from (values (101, 'bench-desk', '前台小陈', false), (102, 'bench-callcentre', '呼叫中心', true),
                         (103, 'bench-dispatcher', '调度王', false), (104, 'bench-manager', '刘经理', true),
                         (105, 'bench-site-manager', '一期经理', false)) v(id, username, display_name, all_sites)
            cross join (select password_hash from staff where username = 'admin') a;
            insert into staff_role (staff_id, role) values (101, 'FRONT_DESK'), (102, 'FRONT_DESK'), (103, 'DISPATCHER'),
                (104, 'MANAGER'), (105, 'MANAGER');
            insert into staff_site (staff_id, site_id) values (101, 1), (101, 2), (105, 1);
            insert into staff_site (staff_id, site_id) select 103, s from generate_series(1, least(:dispatcher_sites, :sites)) s;
            insert into staff (id, username, display_name, phone, password_hash, active, all_sites,
                               created_at, created_by, updated_at, updated_by)
            select 1000 + (s - 1) * :techs + k, 'bench-tech-' || s || '-' || k,
                   substr('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗', 1 + (s * 5 + k) % 20, 1) || '师傅' || s || '-' || k,
                   pg_temp.mobile(900000 + (s - 1) * :techs + k), a.password_hash, true, false, now(), 'bench', now(), 'bench'
            from generate_series(1, :sites) s, generate_series(1, :techs) k
            cross join (select password_hash from staff where username = 'admin') a;
            insert into staff_role (staff_id, role) select id, 'TECHNICIAN' from staff where id >= 1000;
            insert into staff_site (staff_id, site_id) select id, (id - 1001) / :techs + 1 from staff where id >= 1000;
            insert into technician (staff_id, team_id, created_at, created_by, updated_at, updated_by)
            select id, null, now(), 'bench', now(), 'bench' from staff where id >= 1000;
            insert into technician_skill (staff_id, skill)
            select t.id, sk.skill
            from (select id, (id - 1001) % :techs + 1 as k from staff where id >= 1000) t
            join (values (1, 'PLUMBING'), (1, 'ELECTRICAL'), (2, 'PLUMBING'), (2, 'CARPENTRY'), (3, 'ELECTRICAL'),
                         (4, 'CLEANING'), (4, 'GREENING'), (5, 'ELEVATOR'), (5, 'SECURITY')) sk(k, skill) on sk.k = t.k;
            """;

    /**
     * Thirty days back and seven ahead, in Shanghai time: technicians 1 and 2 of each site (both plumbers) alternate
     * a 24-hour emergency duty from 08:00 and work day shifts 08:00-17:00 on the other days; the others work day
     * shifts six days a week.
     */
    static final String ROSTER = """
            insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
            select t.id,
                   ((date_trunc('day', now() at time zone 'Asia/Shanghai') + d * interval '1 day' + interval '8 hours') at time zone 'Asia/Shanghai'),
                   ((date_trunc('day', now() at time zone 'Asia/Shanghai') + d * interval '1 day'
                     + case when t.k <= 2 and (d + t.k) % 2 = 0 then interval '32 hours' else interval '17 hours' end) at time zone 'Asia/Shanghai'),
                   t.k <= 2 and (d + t.k) % 2 = 0, now(), 'bench'
            from (select id, (id - 1001) % :techs + 1 as k from staff where id >= 1000) t, generate_series(-30, 7) d
            where (t.k <= 2 and (d + t.k) % 2 = 0) or (d + 40 + t.id) % 7 <> 0;
            """;

    /**
     * One row per request with every moment it would reach, before cutting at now: sites are skewed (the first sites
     * are the busiest), 55 % repairs, 30 % inquiries, 15 % complaints, most calls between 07:00 and 21:00, response and
     * arrival times spread so that roughly one in ten misses its target, a few requests stuck open, some cancelled.
     */
    static final String REQUEST_PLAN = """
            create temporary table bench_category as
            select c.code, c.id, c.default_priority, c.skill, c.special_service from request_category c;
            create temporary table bench_plan as
            with base as (
                select i as id,
                       1 + least(:sites - 1, floor(:sites * power(pg_temp.f(i, 20), 1.4)))::int as site,
                       pg_temp.f(i, 21) as f_kind,
                       pg_temp.n(i, 22, 365) as day_back,
                       case when pg_temp.n(i, 23, 100) < 88 then 420 + pg_temp.n(i, 24, 840) else pg_temp.n(i, 24, 1440) end as minute_of_day
                from generate_series(1, :requests) i
            ), kinded as (
                select b.*,
                       case when f_kind < 0.55 then 'REPAIR' when f_kind < 0.85 then 'INQUIRY' else 'COMPLAINT' end as kind,
                       (date_trunc('day', now() at time zone 'Asia/Shanghai') - day_back * interval '1 day'
                        + minute_of_day * interval '1 minute') at time zone 'Asia/Shanghai' as received_raw
                from base b
            ), placed as (
                select k.*,
                       case when k.received_raw > now() then k.received_raw - interval '1 day' else k.received_raw end as received_at,
                       case k.kind
                           when 'REPAIR' then (array['PLUMBING','PLUMBING_BLOCKED_DRAIN','PLUMBING_NO_WATER','ELECTRICAL',
                                'ELECTRICAL_POWER_OUT','ELECTRICAL_LIGHTING','ELECTRICAL_LIGHTING','DOOR_LOCK','WATER_LEAK',
                                'ELEVATOR','PLUMBING','ELECTRICAL'])[1 + pg_temp.n(k.id, 25, 12)]
                           when 'INQUIRY' then (array['FEES','FEES','PARKING','DECORATION','OTHER'])[1 + pg_temp.n(k.id, 25, 5)]
                           else (array['NOISE','CLEANING','SECURITY','GREENING','PARKING','CLEANING'])[1 + pg_temp.n(k.id, 25, 6)] end as category,
                       case when pg_temp.n(k.id, 26, 100) < 85 then (k.site - 1) * :houses_per_site + 1 + pg_temp.n(k.id, 27, :houses_per_site) end as house_id,
                       (array['PHONE','PHONE','PHONE','PHONE','PHONE','PHONE','WECHAT','WECHAT','WECHAT','PORTAL','PORTAL','PORTAL','WALK_IN','WALK_IN','EMAIL','PATROL'])[1 + pg_temp.n(k.id, 28, 16)] as channel
                from kinded k
            ), timed as (
                select p.*, c.id as category_id, c.special_service, c.skill,
                       case when pg_temp.n(p.id, 29, 100) < 8 and c.default_priority in ('NORMAL', 'LOW') then 'URGENT'
                            when c.code = 'ELEVATOR' and pg_temp.n(p.id, 30, 100) < 3 then 'EMERGENCY'
                            else c.default_priority end as priority
                from placed p join bench_category c on c.code = p.category
            ), sla as (
                select t.*, s.response_minutes, s.arrival_minutes, s.resolution_minutes
                from timed t join sla_policy s on s.site_id is null and s.kind = t.kind and s.priority = t.priority
            ), planned as (
                select s.*,
                       s.response_minutes * (0.15 + 1.3 * power(pg_temp.f(s.id, 31), 3)) as ack_after,
                       case when s.kind = 'REPAIR' then coalesce(s.arrival_minutes, 1200) * (0.25 + 1.1 * power(pg_temp.f(s.id, 32), 3)) end as arrive_after,
                       s.resolution_minutes * (0.05 + 0.9 * power(pg_temp.f(s.id, 33), 2)) as resolve_after,
                       s.kind = 'INQUIRY' and pg_temp.n(s.id, 34, 100) < 45 as at_intake,
                       pg_temp.n(s.id, 35, 1000) < 20 as cancel,
                       pg_temp.n(s.id, 36, 1000) < 4 as stuck,
                       pg_temp.n(s.id, 37, 100) < 92 as callback_reached,
                       60 + pg_temp.n(s.id, 38, 1800) as callback_after
                from sla s
            )
            select p.id, p.site, p.kind, p.category_id, p.special_service, p.skill, p.priority, p.channel, p.house_id,
                   p.received_at, p.at_intake, p.cancel, p.stuck, p.callback_reached,
                   p.received_at + p.response_minutes * interval '1 minute' as due_ack,
                   p.received_at + p.response_minutes * 0.8 * interval '1 minute' as risk_ack,
                   case when p.kind = 'REPAIR' then p.received_at + coalesce(p.arrival_minutes, 1200) * interval '1 minute' end as due_arrival,
                   case when p.kind = 'REPAIR' then p.received_at + coalesce(p.arrival_minutes, 1200) * 0.8 * interval '1 minute' end as risk_arrival,
                   p.received_at + p.resolution_minutes * interval '1 minute' as due_resolve,
                   p.received_at + p.resolution_minutes * 0.8 * interval '1 minute' as risk_resolve,
                   case when p.at_intake then p.received_at + interval '3 minutes' else p.received_at + p.ack_after * interval '1 minute' end as t_ack,
                   case when p.kind = 'REPAIR' then p.received_at + least(p.ack_after + 2, p.arrive_after * 0.5) * interval '1 minute' end as t_dispatch,
                   case when p.kind = 'REPAIR' then p.received_at + greatest(p.arrive_after, p.ack_after + 5) * interval '1 minute' end as t_arrive,
                   case when p.at_intake then p.received_at + interval '3 minutes'
                        when p.kind = 'REPAIR' then p.received_at + (greatest(p.arrive_after, p.ack_after + 5) + 20 + p.resolve_after * 0.3) * interval '1 minute'
                        else p.received_at + greatest(p.resolve_after, p.ack_after + 10) * interval '1 minute' end as t_resolve,
                   p.callback_after,
                   case when pg_temp.n(p.id, 39, 100) < 25 then 1 when pg_temp.n(p.id, 39, 100) < 33 then 2 else 0 end as follow_ups,
                   case when p.kind <> 'INQUIRY' and pg_temp.n(p.id, 40, 100) < 3 then 1 else 0 end as reopen_count,
                   p.kind = 'REPAIR' and pg_temp.n(p.id, 41, 100) < 20 as promised,
                   row_number() over (partition by date_trunc('day', p.received_at at time zone 'Asia/Shanghai') order by p.received_at, p.id) as day_seq
            from planned p;
            alter table bench_plan add column t_close timestamptz;
            update bench_plan set t_close = case
                    when kind = 'INQUIRY' then t_resolve
                    when callback_reached then t_resolve + callback_after * interval '1 minute'
                    else t_resolve + interval '7 days' end;
            update bench_plan set t_ack = null, t_dispatch = null, t_arrive = null, t_resolve = null, t_close = null where cancel;
            update bench_plan set t_resolve = null, t_close = null where stuck and not cancel;
            update bench_plan set t_ack = case when t_ack <= now() then t_ack end,
                                  t_dispatch = case when t_dispatch <= now() then t_dispatch end,
                                  t_arrive = case when t_arrive <= now() then t_arrive end,
                                  t_resolve = case when t_resolve <= now() then t_resolve end,
                                  t_close = case when t_close <= now() then t_close end;
            update bench_plan set t_dispatch = null, t_arrive = null, t_resolve = null, t_close = null where t_ack is null;
            update bench_plan set t_arrive = null, t_resolve = null, t_close = null where kind = 'REPAIR' and t_dispatch is null;
            update bench_plan set t_resolve = null, t_close = null where kind = 'REPAIR' and t_arrive is null;
            update bench_plan set t_close = null where t_resolve is null;
            create index on bench_plan (id);
            analyze bench_plan;
            """;

    /**
     * Bulk inserts into tables with many indexes are several times faster when the indexes are built afterwards: the
     * secondary indexes of the request tables are dropped and re-created from their own definitions (primary keys
     * and unique constraints stay). It all happens in the generator's one transaction, so a failure keeps them.
     */
    static final String DROP_INDEXES = """
            create temporary table bench_index as
            select i.indexname, i.indexdef from pg_indexes i
            where i.schemaname = 'public'
              and i.tablename in ('service_request', 'request_event', 'work_order', 'callback', 'request_rating')
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
            do $$ declare r record; begin for r in select indexname from bench_index loop execute 'drop index ' || quote_ident(r.indexname); end loop; end $$;
            """;

    static final String RESTORE_INDEXES = """
            do $$ declare r record; begin for r in select indexdef from bench_index loop execute r.indexdef; end loop; end $$;
            drop table bench_index;
            """;

    static final String REQUESTS = """
            insert into service_request (id, number, kind, category_id, scope, priority, priority_raised_reason, channel,
                    status, site_id, house_id, customer_id, contact_phone, location_text, description, promised_at,
                    promise_kept, received_at, acknowledged_at, dispatched_at, arrived_at, resolved_at, closed_at,
                    cancelled_at, cancel_reason, held_at, held_seconds, hold_reason, due_acknowledge_at, due_arrival_at,
                    due_resolve_at, risk_acknowledge_at, risk_arrival_at, risk_resolve_at, first_contact_resolution,
                    follow_ups, reopen_count, callback_done_at, version, created_at, created_by, updated_at, updated_by,
                    clock_started_at, work_orders, work_state, unverified, special_needs, status_before_hold, escalated_at)
            select p.id,
                   'R-' || to_char(p.received_at at time zone 'Asia/Shanghai', 'YYMMDD') || '-' || lpad(p.day_seq::text, 4, '0'),
                   p.kind, p.category_id,
                   case when p.house_id is not null and p.special_service then 'PREMISES' else 'COMMON_AREA' end,
                   p.priority, null, p.channel,
                   case when p.cancel then 'CANCELLED'
                        when p.t_close is not null then 'CLOSED'
                        when p.t_resolve is not null then 'RESOLVED'
                        when p.stuck and p.t_arrive is not null then 'ON_HOLD'
                        when p.t_arrive is not null then 'IN_PROGRESS'
                        when p.t_dispatch is not null then 'DISPATCHED'
                        when p.t_ack is not null then 'ACKNOWLEDGED'
                        else 'NEW' end,
                   p.site, p.house_id, p.house_id,
                   case when p.channel <> 'PATROL' then case when p.house_id is null then pg_temp.mobile(p.id % 100000 + 1) else pg_temp.mobile(p.house_id) end end,
                   case when p.house_id is null then (1 + pg_temp.n(p.id, 42, 10)) || '号楼' || (array['大堂','电梯厅','地下车库','楼道','绿化带'])[1 + pg_temp.n(p.id, 43, 5)] end,
                   (array['厨房水槽下水管漏水，地面有积水','卫生间地漏堵塞，洗澡时水排不下去','客厅插座没电，其他房间正常',
                          '楼道声控灯不亮，晚上很黑','入户门锁芯卡住，钥匙很难转动','主卧天花板渗水，怀疑楼上漏水',
                          '电梯运行时有异响，门关闭很慢','询问本季度物业费金额和缴费方式','想办理地下车库月卡，问需要什么材料',
                          '楼上每晚十一点后还在拖动家具，影响休息','单元门口的垃圾两天没有清理，有异味','外来人员可以随意进入小区，门岗不登记'])[1 + pg_temp.n(p.id, 44, 12)],
                   case when p.promised then p.due_arrival end,
                   case when p.promised and p.t_arrive is not null then p.t_arrive <= p.due_arrival end,
                   p.received_at, p.t_ack, p.t_dispatch, p.t_arrive, p.t_resolve, p.t_close,
                   case when p.cancel then p.received_at + interval '10 minutes' end,
                   case when p.cancel then '业主已自行处理' end,
                   case when p.stuck and not p.cancel and p.t_arrive is not null then p.t_arrive + interval '1 hour' end,
                   0,
                   case when p.stuck and not p.cancel and p.t_arrive is not null then '等待配件到货' end,
                   p.due_ack, p.due_arrival, p.due_resolve, p.risk_ack, p.risk_arrival, p.risk_resolve,
                   p.at_intake and p.t_resolve is not null,
                   p.follow_ups, case when p.t_resolve is not null then p.reopen_count else 0 end,
                   case when p.kind <> 'INQUIRY' and p.callback_reached then p.t_close end,
                   0, p.received_at, 'bench-desk',
                   greatest(p.received_at, p.t_ack, p.t_dispatch, p.t_arrive, p.t_resolve, p.t_close,
                            case when p.cancel then p.received_at + interval '10 minutes' end),
                   'bench-desk', p.received_at,
                   case when p.t_dispatch is not null then 1 else 0 end,
                   case when p.t_dispatch is null then null
                        when p.t_resolve is not null then 'DONE'
                        when p.stuck and p.t_arrive is not null then 'PAUSED'
                        when p.t_arrive is not null then 'ON_SITE'
                        else 'ASSIGNED' end,
                   false, false,
                   case when p.stuck and not p.cancel and p.t_arrive is not null then 'IN_PROGRESS' end,
                   case when not p.cancel then least(
                           case when p.due_ack < coalesce(p.t_ack, now()) then p.due_ack + interval '1 minute' end,
                           case when p.due_resolve < coalesce(p.t_resolve, now()) then p.due_resolve + interval '1 minute' end) end
            from bench_plan p;
            update service_request r set repeat_of_id = x.prev_id
            from (select id, lag(id) over w as prev_id, received_at - lag(received_at) over w as gap
                  from service_request where kind = 'REPAIR' and house_id is not null
                  window w as (partition by house_id order by received_at)) x
            where r.id = x.id and x.prev_id is not null and x.gap < interval '30 days' and pg_temp.n(r.id, 58, 100) < 25;
            """;

    /** The timeline: one event per moment the request reached, with the staff member who took the step. */
    static final String EVENTS = """
            insert into request_event (request_id, at, type, actor, note, internal)
            select id, at, type, actor, note, false from (
                select id, received_at as at, 'received' as type, '前台小陈' as actor, null as note from bench_plan
                union all select id, t_ack, 'acknowledged', '前台小陈', null from bench_plan where t_ack is not null
                union all select id, t_dispatch, 'workAssigned', '调度王', null from bench_plan where t_dispatch is not null
                union all select id, t_dispatch, 'dispatched', '调度王', null from bench_plan where t_dispatch is not null
                union all select id, t_arrive, 'arrived', '维修师傅', null from bench_plan where t_arrive is not null
                union all select id, t_arrive + interval '1 hour', 'held', '维修师傅', '等待配件到货' from bench_plan where stuck and not cancel and t_arrive is not null
                union all select id, t_resolve, case when at_intake then 'resolvedAtIntake' else 'resolved' end, '前台小陈', '已处理完毕。' from bench_plan where t_resolve is not null
                union all select id, t_close, 'callbackDone', '前台小陈', null from bench_plan where t_close is not null and kind <> 'INQUIRY' and callback_reached
                union all select id, t_close, 'closed', '前台小陈', null from bench_plan where t_close is not null
                union all select id, received_at + interval '10 minutes', 'cancelled', '前台小陈', '业主已自行处理' from bench_plan where cancel
            ) e order by id, at;
            """;

    /** One work order per dispatched repair, to the site's technician with the category's skill. */
    static final String WORK_ORDERS = """
            insert into work_order (number, request_id, site_id, technician_staff_id, team_id, status, auto_assigned,
                    accept_by, due_arrival_at, assigned_at, assigned_by, assigned_by_name, accepted_at, arrived_at,
                    paused_at, pause_reason, completed_at, work_done, labour_minutes, materials_total, charge, charge_paid,
                    confirmed_by, owner_absent, reopen_count, version, created_at, created_by, updated_at, updated_by)
            select r.number || '-1', p.id, p.site,
                   1000 + (p.site - 1) * :techs + case p.skill when 'PLUMBING' then 1 + pg_temp.n(p.id, 45, 2)
                        when 'ELECTRICAL' then (array[1, 3])[1 + pg_temp.n(p.id, 45, 2)] when 'CARPENTRY' then 2
                        when 'CLEANING' then 4 when 'GREENING' then 4 else 5 end,
                   null,
                   case when p.t_resolve is not null then 'COMPLETED' when p.stuck and p.t_arrive is not null then 'PAUSED'
                        when p.t_arrive is not null then 'ON_SITE' else 'ACCEPTED' end,
                   false, null, p.due_arrival, p.t_dispatch, 'bench-dispatcher', '调度王', p.t_dispatch + interval '1 minute',
                   p.t_arrive,
                   case when p.stuck and p.t_arrive is not null then p.t_arrive + interval '1 hour' end,
                   case when p.stuck and p.t_arrive is not null then '等待配件到货' end,
                   p.t_resolve, case when p.t_resolve is not null then '已更换损坏部件，现场测试正常。' end,
                   case when p.t_resolve is not null then 20 + pg_temp.n(p.id, 46, 100) end, 0,
                   case when p.t_resolve is not null and p.special_service and p.house_id is not null then 50.00 + pg_temp.n(p.id, 47, 200) end,
                   case when p.t_resolve is not null and p.special_service and p.house_id is not null then pg_temp.n(p.id, 48, 3) > 0 end,
                   case when p.t_resolve is not null then '业主本人' end, false, p.reopen_count * (case when p.t_resolve is not null then 1 else 0 end),
                   0, p.t_dispatch, 'bench-dispatcher', coalesce(p.t_resolve, p.t_arrive, p.t_dispatch), 'bench-dispatcher'
            from bench_plan p join service_request r on r.id = p.id
            where p.t_dispatch is not null;
            """;

    /**
     * Breached acknowledgements and resolutions escalated once to the dispatchers, the worst also to the managers; the
     * request's escalated_at (set with the request) is the first of these.
     */
    static final String ESCALATIONS = """
            insert into sla_escalation (request_id, target, level, escalated_at, round)
            select id, 'ACKNOWLEDGE', 1, due_ack + interval '1 minute', 0
            from bench_plan where due_ack < coalesce(t_ack, now()) and not cancel;
            insert into sla_escalation (request_id, target, level, escalated_at, round)
            select id, 'ACKNOWLEDGE', 2, due_ack + interval '61 minutes', 0
            from bench_plan where due_ack + interval '60 minutes' < coalesce(t_ack, now()) and not cancel;
            insert into sla_escalation (request_id, target, level, escalated_at, round)
            select id, 'RESOLVE', 1, due_resolve + interval '1 minute', 0
            from bench_plan where due_resolve < coalesce(t_resolve, now()) and not cancel;
            """;

    /** A callback for every resolved repair and complaint: done when the request closed, else still due. */
    static final String CALLBACKS = """
            insert into callback (request_id, round, site_id, status, due_at, call_back_at, failed_attempts, solved,
                    satisfaction, comment, closed_at, closed_by, closed_by_name, version, created_at, created_by,
                    updated_at, updated_by)
            select p.id, 1, p.site,
                   case when p.t_close is null then 'DUE' when p.callback_reached then 'DONE' else 'UNREACHABLE' end,
                   p.t_resolve + interval '24 hours', null,
                   case when p.t_close is not null and not p.callback_reached then 3 else pg_temp.n(p.id, 49, 4) / 3 end,
                   case when p.t_close is not null and p.callback_reached then true end,
                   case when p.t_close is not null and p.callback_reached then
                        (array['SATISFIED','SATISFIED','SATISFIED','SATISFIED','SATISFIED','SATISFIED','SATISFIED','SATISFIED','NEUTRAL','UNSATISFIED'])[1 + pg_temp.n(p.id, 50, 10)] end,
                   case when p.t_close is not null and p.callback_reached and pg_temp.n(p.id, 51, 5) = 0 then '师傅很专业，满意' end,
                   p.t_close, case when p.t_close is not null then 'bench-desk' end, case when p.t_close is not null then '前台小陈' end,
                   0, p.t_resolve, 'system', coalesce(p.t_close, p.t_resolve), 'bench-desk'
            from bench_plan p
            where p.kind <> 'INQUIRY' and p.t_resolve is not null;
            """;

    static final String RATINGS = """
            insert into request_rating (request_id, site_id, overall, speed, attitude, quality, comment, channel, rated_at, recorded_by)
            select p.id, p.site, o.overall, greatest(1, o.overall - pg_temp.n(p.id, 53, 2)), o.overall,
                   greatest(1, o.overall - pg_temp.n(p.id, 54, 2)),
                   case when o.overall <= 2 then '等了很久才有人来' when pg_temp.n(p.id, 55, 4) = 0 then '很满意' end,
                   case when pg_temp.n(p.id, 56, 2) = 0 then 'CALLBACK' else 'LINK' end, p.t_close, 'bench-desk'
            from bench_plan p
            cross join lateral (select (array[5,5,5,5,5,4,4,4,3,2,1,5,4,5,4,3,5,4,5,5])[1 + pg_temp.n(p.id, 52, 20)] as overall) o
            where p.kind <> 'INQUIRY' and p.t_close is not null and p.callback_reached and pg_temp.n(p.id, 57, 100) < 35;
            """;

    /**
     * Four quarterly questionnaires for every site (the last one open), seven rating questions (one per service
     * line), a choice and a free text, answered by 15 % of the households; plus one questionnaire for site 1 only.
     */
    static final String SURVEYS = """
            insert into questionnaire (id, title, intro, opens_on, closes_on, per_person, status, opened_at, closed_at,
                                       created_at, created_by, updated_at, updated_by)
            select q, '业主满意度调查 第' || q || '期', '感谢您抽出几分钟评价我们的服务。',
                   current_date - (4 - q) * 90 - 30, current_date - (4 - q) * 90 + (case when q = 4 then 30 else 0 end),
                   false, case when q = 4 then 'OPEN' else 'CLOSED' end,
                   (current_date - (4 - q) * 90 - 30)::timestamptz,
                   case when q = 4 then null else (current_date - (4 - q) * 90 + 1)::timestamptz end,
                   now(), 'bench-manager', now(), 'bench-manager'
            from generate_series(1, 4) q;
            insert into questionnaire_site (questionnaire_id, site_id) select q, s from generate_series(1, 4) q, generate_series(1, :sites) s;
            insert into questionnaire (id, title, intro, opens_on, closes_on, per_person, status, opened_at, closed_at,
                                       created_at, created_by, updated_at, updated_by)
            values (5, '一期业主专项调查', '感谢您的参与。', current_date - 60, current_date - 30, false, 'CLOSED',
                    (current_date - 60)::timestamptz, (current_date - 29)::timestamptz, now(), 'bench-site-manager', now(), 'bench-site-manager');
            insert into questionnaire_site (questionnaire_id, site_id) values (5, 1);
            insert into survey_question (questionnaire_id, position, kind, text, service_line, required, options)
            select q, l.pos, 'RATING', l.text, l.line, true, null
            from generate_series(1, 5) q,
                 (values (1, '您对客服前台的服务是否满意？', 'CUSTOMER_SERVICE'), (2, '您对维修服务是否满意？', 'REPAIRS'),
                         (3, '您对公共区域保洁是否满意？', 'CLEANING'), (4, '您对绿化养护是否满意？', 'GREENING'),
                         (5, '您对安保和门岗是否满意？', 'SECURITY'), (6, '您对停车管理是否满意？', 'PARKING'),
                         (7, '您对社区活动是否满意？', 'ACTIVITIES')) l(pos, text, line);
            insert into survey_question (questionnaire_id, position, kind, text, service_line, required, options)
            select q, 8, 'SINGLE_CHOICE', '您最希望我们优先改进哪一方面？', null, false, E'保洁\\n安保\\n停车\\n维修\\n社区活动' from generate_series(1, 5) q;
            insert into survey_question (questionnaire_id, position, kind, text, service_line, required, options)
            select q, 9, 'FREE_TEXT', '您还有什么意见或建议？', null, false, null from generate_series(1, 5) q;
            insert into survey_response (questionnaire_id, site_id, house_id, customer_id, respondent_name, channel,
                                         household_key, submitted_at, created_at, created_by)
            select q.id, h.site_id, h.id, h.id, null,
                   (array['LINK','LINK','LINK','PAPER','PHONE'])[1 + pg_temp.n(h.id * 10 + q.id, 60, 5)], 'H' || h.id,
                   least(now(), q.opened_at + pg_temp.n(h.id * 10 + q.id, 61, 30 * 1440) * interval '1 minute'),
                   least(now(), q.opened_at + pg_temp.n(h.id * 10 + q.id, 61, 30 * 1440) * interval '1 minute'), 'bench'
            from questionnaire q join questionnaire_site qs on qs.questionnaire_id = q.id
            join house h on h.site_id = qs.site_id
            where pg_temp.n(h.id * 10 + q.id, 62, 100) < case when q.id = 5 then 40 else 15 end;
            insert into survey_answer (response_id, question_id, rating, option_no, text)
            select r.id, sq.id,
                   case when sq.kind = 'RATING' then greatest(1, least(5, 3 + pg_temp.n(r.id * 10 + sq.position, 63, 3)
                        - (case when pg_temp.n(r.id * 10 + sq.position, 64, 10) = 0 then 2 else 0 end)
                        + (r.site_id % 3 = 0)::int - (sq.service_line = 'CLEANING' and r.site_id % 7 = 0)::int * 2)) end,
                   case when sq.kind = 'SINGLE_CHOICE' then pg_temp.n(r.id, 65, 5) end,
                   case when sq.kind = 'FREE_TEXT' then (array['保洁需要加强','门岗登记不严格','维修师傅很专业','停车位太少'])[1 + pg_temp.n(r.id, 66, 4)] end
            from survey_response r join survey_question sq on sq.questionnaire_id = r.questionnaire_id
            where sq.kind <> 'FREE_TEXT' or pg_temp.n(r.id, 67, 4) = 0;
            """;

    /** Today's intake numbers continue after the generated ones; ids continue after the explicit ones. */
    static final String SEQUENCES = """
            insert into request_number_counter (day, last_value)
            select (received_at at time zone 'Asia/Shanghai')::date, count(*) from service_request group by 1;
            select setval(pg_get_serial_sequence('site', 'id'), (select max(id) from site));
            select setval(pg_get_serial_sequence('building', 'id'), (select max(id) from building));
            select setval(pg_get_serial_sequence('unit', 'id'), (select max(id) from unit));
            select setval(pg_get_serial_sequence('house', 'id'), (select max(id) from house));
            select setval(pg_get_serial_sequence('customer', 'id'), (select max(id) from customer));
            select setval(pg_get_serial_sequence('staff', 'id'), (select max(id) from staff));
            select setval(pg_get_serial_sequence('service_request', 'id'), (select max(id) from service_request));
            select setval(pg_get_serial_sequence('questionnaire', 'id'), (select max(id) from questionnaire));
            drop table bench_plan;
            drop table bench_category;
            """;
}
