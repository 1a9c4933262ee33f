package org.propertydesk.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.propertydesk.shared.db.EmbeddedDatabase;
import org.propertydesk.shared.security.Role;
import org.propertydesk.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads two sites with buildings, about 300 houses, about 400 customers, one staff account per role and about fifty
 * service requests into an empty embedded database. Records are written with SQL: it is bulk work, and it must not
 * slow the first start.
 * The same seed gives the same data on every machine, so the README can name customers to look up.
 */
@Component
@Order(-10)
@ConditionalOnProperty(name = "propertydesk.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强文斌海燕欣怡子涵浩然宇轩梓萱一诺雨桐俊杰晓明丹红春梅立新国庆建华";
    private static final String[] COMPANIES = {"科技有限公司", "贸易有限公司", "咨询有限公司", "文化传媒有限公司", "律师事务所",
            "会计师事务所", "网络科技有限公司", "投资管理有限公司", "建筑设计有限公司", "教育科技有限公司"};
    private static final String[] COMPANY_PREFIX = {"华信", "中联", "恒达", "金桥", "瑞丰", "博远", "新图", "启明", "汇通", "天成",
            "鼎盛", "安和", "嘉禾", "明德", "远航", "星河", "云帆", "正道", "同创", "润泽"};

    private final ObjectProvider<EmbeddedDatabase> embeddedDatabase;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final StaffService staff;
    private final DemoRequests requests;
    private final DemoDispatch dispatch;
    private final DemoSurveys surveys;
    private final DemoPortal portal;
    private final DemoAffairs affairs;
    private final DemoActivities activities;
    private final DemoFees fees;
    private final DemoPasses passes;
    private final DemoCare care;
    private final DemoIncidents incidents;
    private final Clock clock;
    private final Random random = new Random(20260324L);
    private final Set<String> usedPhones = new HashSet<>();

    DemoDataLoader(ObjectProvider<EmbeddedDatabase> embeddedDatabase, JdbcTemplate jdbc, TransactionTemplate transaction,
            StaffService staff, DemoRequests requests, Clock clock, DemoDispatch dispatch, DemoSurveys surveys,
            DemoPortal portal, DemoAffairs affairs, DemoActivities activities,
            DemoFees fees, DemoPasses passes,
            DemoCare care, DemoIncidents incidents) {
        this.incidents = incidents;
        this.care = care;
        this.passes = passes;
        this.fees = fees;
        this.activities = activities;
        this.affairs = affairs;
        this.portal = portal;
        this.dispatch = dispatch;
        this.surveys = surveys;
        this.requests = requests;
        this.embeddedDatabase = embeddedDatabase;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embeddedDatabase.getIfAvailable() == null) {
            return;
        }
        log.warn("Demo data is ON (propertydesk.demo-data.enabled=true): demo accounts with the password '{}' exist. "
                + "Turn it off for real use.", DEMO_PASSWORD);
        Integer sites = jdbc.queryForObject("select count(*) from site", Integer.class);
        if (sites != null && sites > 0) {
            return;
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> load());
        requests.load(random);
        transaction.executeWithoutResult(status -> {
            dispatch.autoDispatch(jdbc.queryForObject("select id from site where code = 'JQ'", Long.class),
                    clock.instant());
            surveys.load(random, clock.instant());
        });
        transaction.executeWithoutResult(status -> portal.load(DEMO_PASSWORD, clock.instant()));
        transaction.executeWithoutResult(status -> affairs.load(clock.instant()));
        transaction.executeWithoutResult(status -> activities.load(clock.instant()));
        transaction.executeWithoutResult(status -> fees.load(clock.instant()));
        transaction.executeWithoutResult(status -> passes.load(clock.instant()));
        transaction.executeWithoutResult(status -> care.load(clock.instant()));
        transaction.executeWithoutResult(status -> incidents.load(clock.instant()));
        log.info("Demo data loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void load() {
        Instant now = clock.instant();
        long lakeside = insertSite("CHY", "翠湖苑", "上海市浦东新区锦绣路 1288 号", "RESIDENTIAL", now);
        long tower = insertSite("JQ", "金桥商务中心", "上海市浦东新区金桥路 58 号", "OFFICE", now);

        List<long[]> residentialHouses = new ArrayList<>();
        for (int b = 1; b <= 4; b++) {
            long building = insertBuilding(lakeside, String.valueOf(b), b + "号楼", 8, now);
            for (int u = 1; u <= 2; u++) {
                long unit = insertUnit(building, String.valueOf(u), now);
                for (int floor = 1; floor <= 8; floor++) {
                    for (int room = 1; room <= 2; room++) {
                        String roomNo = floor + "0" + room;
                        String code = b + "-" + u + "-" + roomNo;
                        residentialHouses.add(new long[] {insertHouse(lakeside, building, unit, roomNo, code, floor,
                                room == 1 ? 89.5 : 126.3, "RESIDENTIAL", now), floor});
                    }
                }
            }
        }
        List<Long> offices = new ArrayList<>();
        for (String b : new String[] {"A", "B"}) {
            long building = insertBuilding(tower, b, b + "座", 20, now);
            for (int floor = 1; floor <= 20; floor++) {
                for (int room = 1; room <= 4; room++) {
                    String roomNo = floor + "0" + room;
                    offices.add(insertHouse(tower, building, null, roomNo, b + "-" + roomNo, floor,
                            room % 2 == 0 ? 210.0 : 145.5, floor == 1 ? "SHOP" : "OFFICE", now));
                }
            }
        }

        for (long[] house : residentialHouses) {
            int roll = random.nextInt(100);
            if (roll < 8) {
                continue;
            }
            long owner = insertPerson(lakeside, now);
            boolean rented = roll > 85;
            insertOccupancy(owner, house[0], "OWNER", !rented, now);
            if (rented) {
                insertOccupancy(insertPerson(lakeside, now), house[0], "TENANT", true, now);
                setHouseStatus(house[0], "RENTED");
            } else {
                setHouseStatus(house[0], random.nextInt(20) == 0 ? "DECORATING" : "OCCUPIED");
                if (random.nextInt(100) < 45) {
                    insertOccupancy(insertPerson(lakeside, now), house[0], "FAMILY_MEMBER", false, now);
                }
            }
        }
        for (long office : offices) {
            int roll = random.nextInt(100);
            if (roll < 12) {
                setHouseStatus(office, "UNSOLD");
                continue;
            }
            long owner = random.nextBoolean() ? insertPerson(tower, now) : insertEnterprise(tower, now);
            boolean rented = roll > 40;
            insertOccupancy(owner, office, "OWNER", !rented, now);
            if (rented) {
                insertOccupancy(insertEnterprise(tower, now), office, "TENANT", true, now);
                setHouseStatus(office, "RENTED");
            } else {
                setHouseStatus(office, "OCCUPIED");
            }
        }

        staff.ensureAccount("admin", "系统管理员", DEMO_PASSWORD, Set.of(Role.ADMIN), true, Set.of());
        staff.ensureAccount("manager", "刘经理", DEMO_PASSWORD, Set.of(Role.MANAGER), true, Set.of());
        staff.ensureAccount("frontdesk", "陈晓静", DEMO_PASSWORD, Set.of(Role.FRONT_DESK), false, Set.of(lakeside, tower));
        staff.ensureAccount("dispatcher", "王调度", DEMO_PASSWORD, Set.of(Role.DISPATCHER), false, Set.of(lakeside, tower));
        dispatch.load(lakeside, tower, DEMO_PASSWORD, now);
    }

    private long insertSite(String code, String name, String address, String type, Instant now) {
        return jdbc.queryForObject("""
                insert into site (code, name, address, property_type, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, 'demo', ?, 'demo') returning id
                """, Long.class, code, name, address, type, ts(now), ts(now));
    }

    private long insertBuilding(long site, String code, String name, int floors, Instant now) {
        return jdbc.queryForObject("""
                insert into building (site_id, code, name, floors, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, 'demo', ?, 'demo') returning id
                """, Long.class, site, code, name, floors, ts(now), ts(now));
    }

    private long insertUnit(long building, String code, Instant now) {
        return jdbc.queryForObject("""
                insert into unit (building_id, code, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, 'demo', ?, 'demo') returning id
                """, Long.class, building, code, ts(now), ts(now));
    }

    private long insertHouse(long site, long building, Long unit, String roomNo, String code, int floor, double area,
            String use, Instant now) {
        LocalDate handover = LocalDate.of(2019 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return jdbc.queryForObject("""
                insert into house (site_id, building_id, unit_id, room_no, code, floor, area, house_use, status,
                                   handover_date, warranty_end, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'VACANT', ?, ?, ?, 'demo', ?, 'demo') returning id
                """, Long.class, site, building, unit, roomNo, code, floor, area, use, Date.valueOf(handover),
                Date.valueOf(handover.plusYears(5)), ts(now), ts(now));
    }

    private void setHouseStatus(long house, String status) {
        jdbc.update("update house set status = ? where id = ?", status, house);
    }

    private long insertPerson(long site, Instant now) {
        String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given();
        LocalDate birthday = LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String idNumber = "310115" + birthday.toString().replace("-", "") + String.format("%03d", random.nextInt(1000))
                + random.nextInt(10);
        long id = insertCustomer(site, "PERSON", name, idNumber, birthday, now);
        int age = LocalDate.now(clock).getYear() - birthday.getYear();
        if (age >= 75 && random.nextInt(3) == 0) {
            jdbc.update("insert into customer_care_flag (customer_id, flag) values (?, 'ELDERLY_ALONE')", id);
        } else if (random.nextInt(40) == 0) {
            jdbc.update("insert into customer_care_flag (customer_id, flag) values (?, 'DISABILITY')", id);
        }
        insertPhone(id, mobile(), 0);
        if (random.nextInt(5) == 0) {
            insertPhone(id, "021" + (50000000 + random.nextInt(40000000)), 1);
        }
        return id;
    }

    private long insertEnterprise(long site, Instant now) {
        String name = "上海" + COMPANY_PREFIX[random.nextInt(COMPANY_PREFIX.length)]
                + COMPANIES[random.nextInt(COMPANIES.length)];
        String licence = "91310115MA1" + Integer.toString(100000 + random.nextInt(900000), 36).toUpperCase() + random.nextInt(10);
        long id = insertCustomer(site, "ENTERPRISE", name, licence, null, now);
        insertPhone(id, "021" + (50000000 + random.nextInt(40000000)), 0);
        insertPhone(id, mobile(), 1);
        return id;
    }

    private long insertCustomer(long site, String type, String name, String idNumber, LocalDate birthday, Instant now) {
        String[] tiers = {"ORDINARY", "ORDINARY", "ORDINARY", "IMPORTANT", "STRATEGIC"};
        String[] dispositions = {"SERVICE_MINDED", "OPINION_MINDED", "COST_MINDED", null};
        return jdbc.queryForObject("""
                insert into customer (site_id, customer_type, name, id_number, value_tier, disposition, birthday,
                                      created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, 'demo') returning id
                """, Long.class, site, type, name, idNumber, tiers[random.nextInt(tiers.length)],
                dispositions[random.nextInt(dispositions.length)], birthday == null ? null : Date.valueOf(birthday),
                ts(now), ts(now));
    }

    private void insertPhone(long customer, String number, int position) {
        jdbc.update("insert into customer_phone (customer_id, number, position) values (?, ?, ?)", customer, number, position);
    }

    private void insertOccupancy(long customer, long house, String role, boolean primary, Instant now) {
        LocalDate since = LocalDate.of(2019 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
        jdbc.update("""
                insert into occupancy (customer_id, house_id, role, start_date, primary_contact,
                                       created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, 'demo', ?, 'demo')
                """, customer, house, role, Date.valueOf(since), primary, ts(now), ts(now));
    }

    private String given() {
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(3) == 0 ? 1 : 2;
        for (int i = 0; i < length; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private String mobile() {
        String[] prefixes = {"138", "139", "137", "136", "135", "186", "185", "189", "177", "158", "159", "150", "151", "188"};
        String number;
        do {
            number = prefixes[random.nextInt(prefixes.length)] + String.format("%08d", random.nextInt(100_000_000));
        } while (!usedPhones.add(number));
        return number;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
