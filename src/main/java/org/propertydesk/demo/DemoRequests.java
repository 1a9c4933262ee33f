package org.propertydesk.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.propertydesk.callbacks.CallbackOutcomes;
import org.propertydesk.dispatch.Dispatching;
import org.propertydesk.requests.Channel;
import org.propertydesk.requests.Priority;
import org.propertydesk.requests.RequestIntake;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.shared.time.Dates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * About two weeks of service requests for the demo sites, in every state: taken through the real flow by the demo
 * front desk, then moved back in time as a whole (each request with its events and due times), so that the queues
 * show new, at-risk and breached work and the escalation job has something to do.
 */
@Component
class DemoRequests {

    private static final Map<RequestKind, List<String[]>> EXAMPLES = Map.of(
            RequestKind.REPAIR, List.of(
                    new String[] {"PLUMBING", "厨房水槽下水管漏水，地面有积水"},
                    new String[] {"PLUMBING_BLOCKED_DRAIN", "卫生间地漏堵塞，洗澡时水排不下去"},
                    new String[] {"ELECTRICAL", "客厅插座没电，其他房间正常"},
                    new String[] {"ELECTRICAL_LIGHTING", "楼道声控灯不亮，晚上很黑"},
                    new String[] {"DOOR_LOCK", "入户门锁芯卡住，钥匙很难转动"},
                    new String[] {"WATER_LEAK", "主卧天花板渗水，怀疑楼上漏水"},
                    new String[] {"ELEVATOR", "电梯运行时有异响，门关闭很慢"}),
            RequestKind.INQUIRY, List.of(
                    new String[] {"FEES", "询问本季度物业费金额和缴费方式"},
                    new String[] {"PARKING", "想办理地下车库月卡，问需要什么材料"},
                    new String[] {"DECORATION", "准备装修厨房，问装修登记流程"},
                    new String[] {"OTHER", "询问小区快递柜的位置"}),
            RequestKind.COMPLAINT, List.of(
                    new String[] {"NOISE", "楼上每晚十一点后还在拖动家具，影响休息"},
                    new String[] {"CLEANING", "单元门口的垃圾两天没有清理，有异味"},
                    new String[] {"SECURITY", "外来人员可以随意进入小区，门岗不登记"},
                    new String[] {"GREENING", "楼下草坪长期无人修剪，蚊虫很多"}));

    /** What a finished repair of each category typically used, by price-list code and quantity. */
    private static final Map<String, Map<String, BigDecimal>> MATERIALS_BY_CATEGORY = Map.of(
            "PLUMBING", Map.of("VALVE-ANGLE", BigDecimal.ONE, "HOSE-60", new BigDecimal("2")),
            "PLUMBING_BLOCKED_DRAIN", Map.of("DRAIN-CLEAN", BigDecimal.ONE),
            "ELECTRICAL", Map.of("SOCKET-5", BigDecimal.ONE, "WIRE-2.5", new BigDecimal("3")),
            "ELECTRICAL_LIGHTING", Map.of("LED-9W", new BigDecimal("2")),
            "DOOR_LOCK", Map.of("LOCK-CYLINDER", BigDecimal.ONE),
            "WATER_LEAK", Map.of("SILICONE", BigDecimal.ONE));

    private static final Map<String, BigDecimal> PRICES = Map.of("VALVE-ANGLE", new BigDecimal("35.00"),
            "HOSE-60", new BigDecimal("22.00"), "DRAIN-CLEAN", new BigDecimal("25.00"),
            "SOCKET-5", new BigDecimal("28.00"), "WIRE-2.5", new BigDecimal("4.80"), "LED-9W", new BigDecimal("12.50"),
            "LOCK-CYLINDER", new BigDecimal("120.00"), "SILICONE", new BigDecimal("18.00"));

    private final RequestIntake intake;
    private final Dispatching dispatching;
    private final CallbackOutcomes callbacks;
    private final UserDetailsService accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Dates dates;

    DemoRequests(RequestIntake intake, Dispatching dispatching, CallbackOutcomes callbacks, UserDetailsService accounts,
            JdbcClient jdbc, TransactionTemplate transaction, Dates dates) {
        this.intake = intake;
        this.callbacks = callbacks;
        this.dispatching = dispatching;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.dates = dates;
    }

    record Household(long customerId, long houseId, long siteId, String phone) {
    }

    void load(Random random) {
        List<Household> households = jdbc.sql("""
                select o.customer_id, o.house_id, h.site_id, p.number
                from occupancy o join house h on h.id = o.house_id
                join customer_phone p on p.customer_id = o.customer_id and p.position = 0
                where o.end_date is null and o.primary_contact
                order by o.id
                """)
                .query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                .list();
        UserDetails frontDesk = accounts.loadUserByUsername("frontdesk");
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            for (int i = 0; i < 48; i++) {
                int sequence = 9000 + i;
                Household household = households.get(random.nextInt(households.size()));
                int roll = random.nextInt(100);
                RequestKind kind = roll < 60 ? RequestKind.REPAIR : roll < 85 ? RequestKind.INQUIRY : RequestKind.COMPLAINT;
                List<String[]> examples = EXAMPLES.get(kind);
                String[] example = examples.get(random.nextInt(examples.size()));
                Duration age = i < 10 ? Duration.ofMinutes(5 + random.nextInt(180)) : Duration.ofMinutes(240 + random.nextInt(14 * 24 * 60));
                Long id = transaction.execute(status -> {
                    actAs(frontDesk);
                    long created = intake.receive(new RequestIntake.NewRequest(kind, example[0],
                            random.nextInt(5) == 0 ? Channel.WECHAT : Channel.PHONE, household.siteId(),
                            random.nextInt(12) == 0 ? Priority.URGENT : null, household.houseId(), household.customerId(),
                            household.phone(), null, example[1], null));
                    progress(created, kind, age, random);
                    return created;
                });
                int responseMinutes = 3 + random.nextInt(50);
                int arrivalMinutes = kind == RequestKind.REPAIR ? 15 + random.nextInt(120) : 0;
                transaction.executeWithoutResult(status -> {
                    shiftBack(id, age, sequence);
                    stagger(id, responseMinutes, arrivalMinutes);
                });
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Older requests are further along; the youngest stay new, and a few old ones got stuck and are overdue. */
    private void progress(long id, RequestKind kind, Duration age, Random random) {
        long hours = age.toHours();
        if (hours < 1 && random.nextBoolean()) {
            return;
        }
        intake.act(id, "acknowledge", null);
        if (hours >= 3 && random.nextInt(7) == 0) {
            return;
        }
        if (kind == RequestKind.INQUIRY) {
            if (hours >= 1) {
                intake.act(id, "resolve", "已电话答复业主。");
                intake.act(id, "close", null);
            }
            return;
        }
        if (kind == RequestKind.REPAIR) {
            if (!workOn(id, hours, random)) {
                return;
            }
        } else {
            if (hours < 20) {
                return;
            }
            intake.act(id, "resolve", "已与相关方沟通并处理，问题已解决。");
        }
        callBack(id, hours, random);
    }

    /**
     * The front desk calls the owner back after the work: most are satisfied and the request closes; some take two
     * calls; those of the last six days are still due (some overdue) in the callback queue. A request not picked for
     * a callback closes later.
     */
    private void callBack(long id, long hours, Random random) {
        if (!callbacks.isDue(id)) {
            if (hours > 48) {
                intake.act(id, "close", null);
            }
            return;
        }
        if (hours < 150) {
            return;
        }
        if (random.nextInt(4) == 0) {
            callbacks.failed(id, "NO_ANSWER", "无人接听，稍后再打");
        }
        int mood = random.nextInt(10);
        callbacks.reached(id, true, mood < 8 ? "SATISFIED" : "NEUTRAL", mood < 8 ? "师傅很专业，满意" : "处理得还行，就是等得有点久");
    }

    /**
     * A repair goes to the best technician for it, who accepts, arrives, sometimes waits for a part, and finishes with
     * materials from the price list; returns whether the work is done. Each step is taken as the person who takes it.
     */
    private boolean workOn(long id, long hours, Random random) {
        Optional<Long> technician = dispatching.bestTechnician(id);
        if (technician.isEmpty()) {
            return false;
        }
        actAs(accounts.loadUserByUsername("dispatcher"));
        long workOrder = dispatching.assign(id, technician.get());
        UserDetails desk = accounts.loadUserByUsername("frontdesk");
        if (hours < 1) {
            actAs(desk);
            return false;
        }
        actAs(accounts.loadUserByUsername(jdbc.sql("select username from staff where id = ?")
                .params(technician.get()).query(String.class).single()));
        dispatching.step(workOrder, "accept", null);
        boolean done = false;
        if (hours >= 3) {
            dispatching.step(workOrder, "arrive", null);
            if (hours > 30 && random.nextInt(4) == 0) {
                dispatching.step(workOrder, "pause", "等待配件到货");
            } else {
                String category = jdbc.sql("""
                        select c.code from service_request r join request_category c on c.id = r.category_id where r.id = ?
                        """).params(id).query(String.class).single();
                Map<String, BigDecimal> used = MATERIALS_BY_CATEGORY.getOrDefault(category, Map.of());
                BigDecimal charge = used.isEmpty() ? null : new BigDecimal("50.00").add(used.entrySet().stream()
                        .map(e -> PRICES.get(e.getKey()).multiply(e.getValue())).reduce(BigDecimal.ZERO, BigDecimal::add));
                dispatching.complete(workOrder, "已更换损坏部件，现场测试正常。", used, 30 + random.nextInt(60), charge,
                        charge == null ? null : random.nextInt(3) != 0, random.nextInt(4) == 0 ? null : "业主本人");
                done = true;
            }
        }
        actAs(desk);
        return done;
    }

    /**
     * Moves a request and its timeline back by its age, after the flow above has committed (so that nothing written
     * through JPA later overwrites it); its number is renewed for the day it was received (in a
     * range of its own, 9000 and up, that the day counters never reach).
     */
    private void shiftBack(long id, Duration age, int sequence) {
        String shift = """
                update service_request set
                    received_at = received_at - :age, clock_started_at = clock_started_at - :age,
                    created_at = created_at - :age, updated_at = updated_at - :age,
                    acknowledged_at = acknowledged_at - :age, dispatched_at = dispatched_at - :age,
                    arrived_at = arrived_at - :age, resolved_at = resolved_at - :age, closed_at = closed_at - :age,
                    held_at = held_at - :age, callback_done_at = callback_done_at - :age,
                    due_acknowledge_at = due_acknowledge_at - :age, risk_acknowledge_at = risk_acknowledge_at - :age,
                    due_arrival_at = due_arrival_at - :age, risk_arrival_at = risk_arrival_at - :age,
                    due_resolve_at = due_resolve_at - :age, risk_resolve_at = risk_resolve_at - :age
                where id = :id
                """;
        jdbc.sql(shift.replace(":age", "make_interval(secs => " + age.toSeconds() + ")")).param("id", id).update();
        String number = jdbc.sql("select number from service_request where id = ?").params(id).query(String.class).single();
        jdbc.sql("""
                update service_request
                set number = 'R-' || to_char(received_at at time zone :zone, 'YYMMDD') || '-' || :sequence
                where id = :id
                """)
                .param("zone", dates.zone().getId()).param("sequence", String.valueOf(sequence)).param("id", id).update();
        jdbc.sql("""
                update request_event e set at = e.at - make_interval(secs => :seconds),
                    note = replace(e.note, :number, r.number)
                from service_request r where r.id = e.request_id and e.request_id = :id
                """).param("seconds", age.toSeconds()).param("number", number).param("id", id).update();
        jdbc.sql("""
                update work_order w set
                    number = r.number || substring(w.number from '-[0-9]+$'),
                    assigned_at = w.assigned_at - :age, accepted_at = w.accepted_at - :age, arrived_at = w.arrived_at - :age,
                    paused_at = w.paused_at - :age, completed_at = w.completed_at - :age,
                    due_arrival_at = w.due_arrival_at - :age, created_at = w.created_at - :age,
                    updated_at = w.updated_at - :age
                from service_request r
                where r.id = w.request_id and w.request_id = :id
                """.replace(":age", "make_interval(secs => " + age.toSeconds() + ")")).param("id", id).update();
        jdbc.sql("""
                update callback set due_at = due_at - :age, closed_at = closed_at - :age, created_at = created_at - :age,
                    updated_at = updated_at - :age
                where request_id = :id
                """.replace(":age", "make_interval(secs => " + age.toSeconds() + ")")).param("id", id).update();
        jdbc.sql("""
                update callback_attempt set at = at - :age
                where callback_id in (select id from callback where request_id = :id)
                """.replace(":age", "make_interval(secs => " + age.toSeconds() + ")")).param("id", id).update();
    }

    /**
     * Demo requests are worked through in one go, so each step would take no time: the call came in some minutes
     * before anyone acknowledged it, and for a repair the technician was sent some time before arriving, which is
     * what the dashboard's response and arrival times show. The targets move with the receipt.
     */
    private void stagger(long id, int responseMinutes, int arrivalMinutes) {
        String receipt = "make_interval(mins => " + (responseMinutes + arrivalMinutes) + ")";
        String dispatch = "make_interval(mins => " + arrivalMinutes + ")";
        jdbc.sql("""
                update service_request set
                    received_at = received_at - :receipt, clock_started_at = clock_started_at - :receipt,
                    created_at = created_at - :receipt,
                    due_acknowledge_at = due_acknowledge_at - :receipt, risk_acknowledge_at = risk_acknowledge_at - :receipt,
                    due_arrival_at = due_arrival_at - :receipt, risk_arrival_at = risk_arrival_at - :receipt,
                    due_resolve_at = due_resolve_at - :receipt, risk_resolve_at = risk_resolve_at - :receipt,
                    acknowledged_at = acknowledged_at - :dispatch, dispatched_at = dispatched_at - :dispatch
                where id = :id
                """.replace(":receipt", receipt).replace(":dispatch", dispatch)).param("id", id).update();
        jdbc.sql("""
                update request_event set at = at - case
                    when type in ('received', 'priorityRaised', 'promised', 'repeatFlagged') then :receipt
                    when type in ('acknowledged', 'dispatched', 'workAssigned', 'workAccepted') then :dispatch
                    else make_interval() end
                where request_id = :id
                """.replace(":receipt", receipt).replace(":dispatch", dispatch)).param("id", id).update();
        jdbc.sql("""
                update work_order set assigned_at = assigned_at - :dispatch, accepted_at = accepted_at - :dispatch,
                    created_at = created_at - :dispatch, due_arrival_at = due_arrival_at - :receipt
                where request_id = :id
                """.replace(":receipt", receipt).replace(":dispatch", dispatch)).param("id", id).update();
    }

    private static void actAs(UserDetails user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
