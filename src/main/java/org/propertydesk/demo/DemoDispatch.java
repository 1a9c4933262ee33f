package org.propertydesk.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.staff.StaffService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Technicians of both demo sites with their skills, two teams, three weeks of duty roster (day shifts and a rotating
 * 24-hour emergency duty per site), the materials price list, and automatic dispatch of electrical repairs at the
 * office tower. Bulk SQL, like the records.
 */
@Component
class DemoDispatch {

    /** Username, name, skills, and which sites: L the residential site, T the tower, B both. */
    private static final List<String[]> TECHNICIANS = List.of(
            new String[] {"technician", "张师傅", "PLUMBING,ELECTRICAL", "L"},
            new String[] {"tech-li", "李建国", "PLUMBING,CARPENTRY", "L"},
            new String[] {"tech-zhao", "赵磊", "ELECTRICAL", "L"},
            new String[] {"tech-zheng", "郑秀英", "CLEANING", "L"},
            new String[] {"tech-feng", "冯海", "GREENING", "L"},
            new String[] {"tech-qian", "钱志强", "ELEVATOR", "B"},
            new String[] {"tech-sun", "孙浩然", "ELECTRICAL,PLUMBING", "T"},
            new String[] {"tech-zhou", "周文斌", "PLUMBING", "T"},
            new String[] {"tech-wu", "吴俊杰", "CARPENTRY,ELECTRICAL", "T"},
            new String[] {"tech-chen", "陈刚", "SECURITY", "B"});

    /**
     * Who takes the 24-hour emergency duty, in pairs per site (the residential site, then the tower): the two of a
     * pair alternate day by day, so each site has a plumber on emergency duty at any hour.
     */
    private static final List<String> EMERGENCY_ROTA = List.of("technician", "tech-li", "tech-sun", "tech-zhou");

    private static final List<Object[]> MATERIALS = List.of(
            new Object[] {"PIPE-PPR-20", "PPR 水管 20mm", "PPR pipe 20 mm", "米", "m", "18.00"},
            new Object[] {"VALVE-ANGLE", "角阀", "Angle valve", "个", "piece", "35.00"},
            new Object[] {"HOSE-60", "不锈钢编织软管 60cm", "Braided hose 60 cm", "根", "piece", "22.00"},
            new Object[] {"TAP-KITCHEN", "厨房龙头", "Kitchen tap", "个", "piece", "168.00"},
            new Object[] {"SEAL-TAPE", "生料带", "PTFE tape", "卷", "roll", "2.50"},
            new Object[] {"DRAIN-CLEAN", "管道疏通剂", "Drain cleaner", "瓶", "bottle", "25.00"},
            new Object[] {"SOCKET-5", "五孔插座", "Five-hole socket", "个", "piece", "28.00"},
            new Object[] {"BREAKER-16A", "空气开关 16A", "Circuit breaker 16 A", "个", "piece", "45.00"},
            new Object[] {"LED-9W", "LED 灯泡 9W", "LED bulb 9 W", "个", "piece", "12.50"},
            new Object[] {"WIRE-2.5", "电线 2.5mm²", "Wire 2.5 mm²", "米", "m", "4.80"},
            new Object[] {"LOCK-CYLINDER", "C 级锁芯", "Lock cylinder (grade C)", "个", "piece", "120.00"},
            new Object[] {"HINGE", "合页", "Hinge", "个", "piece", "15.00"},
            new Object[] {"SILICONE", "玻璃胶", "Silicone sealant", "支", "tube", "18.00"});

    private final JdbcTemplate jdbc;
    private final StaffService staff;
    private final Dates dates;

    DemoDispatch(JdbcTemplate jdbc, StaffService staff, Dates dates) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.dates = dates;
    }

    void load(long lakeside, long tower, String password, Instant now) {
        ZoneId zone = dates.zone();
        long plumbingTeam = insertTeam("翠湖苑水电班", lakeside, now);
        long towerTeam = insertTeam("金桥工程部", tower, now);
        LocalDate today = LocalDate.ofInstant(now, zone);
        for (int i = 0; i < TECHNICIANS.size(); i++) {
            String[] t = TECHNICIANS.get(i);
            Set<Long> sites = switch (t[3]) {
                case "L" -> Set.of(lakeside);
                case "T" -> Set.of(tower);
                default -> Set.of(lakeside, tower);
            };
            staff.ensureAccount(t[0], t[1], password, Set.of(Role.TECHNICIAN), false, sites);
            long id = jdbc.queryForObject("select id from staff where username = ?", Long.class, t[0]);
            Long team = t[2].contains("PLUMBING") || t[2].contains("ELECTRICAL")
                    ? (t[3].equals("T") ? towerTeam : plumbingTeam) : null;
            jdbc.update("""
                    insert into technician (staff_id, team_id, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, 'demo', ?, 'demo')
                    """, id, team, Timestamp.from(now), Timestamp.from(now));
            for (String skill : t[2].split(",")) {
                jdbc.update("insert into technician_skill (staff_id, skill) values (?, ?)", id, skill);
            }
            roster(id, i, EMERGENCY_ROTA.indexOf(t[0]), today, zone, now);
        }
        for (Object[] m : MATERIALS) {
            jdbc.update("""
                    insert into material (code, name_zh, name_en, unit_zh, unit_en, unit_price, active,
                                          created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, true, ?, 'demo', ?, 'demo')
                    """, m[0], m[1], m[2], m[3], m[4], new BigDecimal((String) m[5]), Timestamp.from(now),
                    Timestamp.from(now));
        }
    }

    /** Electrical repairs at the tower go straight to the best electrician on duty, who has 15 minutes to accept. */
    void autoDispatch(long tower, Instant now) {
        jdbc.update("""
                insert into dispatch_rule (site_id, category_id, accept_minutes, enabled, created_at, created_by,
                                           updated_at, updated_by)
                values (?, (select id from request_category where code = 'ELECTRICAL'), 15, true, ?, 'demo', ?, 'demo')
                """, tower, Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Two weeks back and one ahead: a day shift 08:00–17:00 six days a week (each person rests on a different
     * weekday), and for those on the emergency rota, a 24-hour emergency duty every other day instead. The rota
     * starts yesterday morning, so the duty covering the small hours of today is there too.
     */
    private void roster(long staffId, int index, int rota, LocalDate today, ZoneId zone, Instant now) {
        for (int d = -14; d <= 7; d++) {
            LocalDate day = today.plusDays(d);
            if (rota >= 0 && Math.floorMod(d + rota, 2) == 0) {
                shift(staffId, day.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant(),
                        day.plusDays(1).atTime(LocalTime.of(8, 0)).atZone(zone).toInstant(), true, now);
            } else if (Math.floorMod(day.getDayOfWeek().getValue() + index, 7) != 0) {
                shift(staffId, day.atTime(LocalTime.of(8, 0)).atZone(zone).toInstant(),
                        day.atTime(LocalTime.of(17, 0)).atZone(zone).toInstant(), false, now);
            }
        }
    }

    private void shift(long staffId, Instant from, Instant to, boolean emergency, Instant now) {
        jdbc.update("""
                insert into duty_shift (staff_id, starts_at, ends_at, emergency, created_at, created_by)
                values (?, ?, ?, ?, ?, 'demo')
                """, staffId, Timestamp.from(from), Timestamp.from(to), emergency, Timestamp.from(now));
    }

    private long insertTeam(String name, long site, Instant now) {
        return jdbc.queryForObject("""
                insert into team (name, site_id, active, created_at, created_by, updated_at, updated_by)
                values (?, ?, true, ?, 'demo', ?, 'demo') returning id
                """, Long.class, name, site, Timestamp.from(now), Timestamp.from(now));
    }
}
