import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.propertydesk.dashboard.DashboardQueries;

/**
 * The load driver of the benchmark (issue 8): logs in as the bench accounts the generator created, measures each
 * scenario with a fixed number of closed-loop clients on loopback (warm-up, then a measured window), measures the
 * reference ceilings (a trivial authenticated endpoint and the dashboard's SQL run directly over JDBC), samples the
 * app's heap with jstat and its peak RSS from /proc, and prints and writes the results table.
 * <p>
 * Launched by bench/run.sh as {@code java -cp <postgresql.jar>:target/classes bench/Driver.java <meta.properties>}:
 * the app's compiled classes are on the class path, so the SQL floor is the very SQL the dashboard runs.
 * <p>
 * Also the client half of bench/crash.sh: {@code crash-load <meta>} takes in requests until the app dies, writing
 * every acknowledged request to a file as it is acknowledged; {@code crash-check <meta>} checks each of them in the
 * database after the restart.
 */
public class Driver {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    static final Pattern ID_IN_BODY = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern NUMBER_IN_BODY = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    final Properties meta = new Properties();
    final String base;
    final String jdbcUrl;
    final String password;
    final Duration warmup;
    final Duration measure;
    final Duration jitWarmup;
    final HeapSampler heap;

    Driver(Path metaFile) throws IOException {
        try (var in = Files.newBufferedReader(metaFile)) {
            meta.load(in);
        }
        base = meta.getProperty("base");
        jdbcUrl = meta.getProperty("jdbc");
        password = meta.getProperty("password");
        warmup = Duration.ofSeconds(Long.parseLong(meta.getProperty("warmup", "5")));
        measure = Duration.ofSeconds(Long.parseLong(meta.getProperty("measure", "10")));
        jitWarmup = Duration.ofSeconds(Long.parseLong(meta.getProperty("jitWarmup", "60")));
        heap = meta.containsKey("pid") ? new HeapSampler(meta.getProperty("pid")) : null;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 2 ? args[0] : "bench";
        Driver driver = new Driver(Path.of(args[args.length - 1]));
        switch (mode) {
            case "bench" -> driver.bench();
            case "crash-load" -> driver.crashLoad();
            case "crash-check" -> System.exit(driver.crashCheck() ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    record Result(String name, String what, int clients, long requests, long errors, double seconds, long[] sortedNanos) {

        double throughput() {
            return requests / seconds;
        }

        double percentile(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }
    }

    /** One call of a scenario: returns normally when the answer was the expected one, else throws. */
    interface Call {
        void run(Random random) throws Exception;
    }

    static final int MIN_SAMPLES = 20;

    final List<Result> results = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    Result run(String name, String what, int clients, Call call) throws InterruptedException {
        return run(name, what, clients, call, warmup, measure);
    }

    /**
     * Closed loop: each client calls again as soon as the previous call returns. Calls started in the measured window
     * count, including the last ones that end after it; on a machine so slow that the window holds fewer than
     * {@link #MIN_SAMPLES} calls, clients go on (up to three windows more) until it does, so no row is empty.
     */
    Result run(String name, String what, int clients, Call call, Duration warm, Duration window) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long warmEnd = start + warm.toNanos();
        long end = warmEnd + window.toNanos();
        long hardEnd = end + 3 * window.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong(end);
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                Random random = new Random(name.hashCode() * 31L + seed);
                long[] samples = new long[1 << 12];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= hardEnd || (t0 >= end && measured.get() >= MIN_SAMPLES)) {
                        break;
                    }
                    boolean counted = t0 >= warmEnd;
                    try {
                        call.run(random);
                        long t1 = System.nanoTime();
                        if (counted) {
                            if (n == samples.length) {
                                samples = Arrays.copyOf(samples, n * 2);
                            }
                            samples[n++] = t1 - t0;
                            measured.incrementAndGet();
                            lastEnd.accumulateAndGet(t1, Math::max);
                        }
                    } catch (Exception e) {
                        if (counted) {
                            errors.incrementAndGet();
                        }
                        if (firstErrors.size() < 3) {
                            firstErrors.add(String.valueOf(e.getMessage()));
                        }
                    }
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            try {
                all.add(f.get());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double seconds = (lastEnd.get() - warmEnd) / 1e9;
        Result result = new Result(name, what, clients, merged.length, errors.get(), seconds, merged);
        results.add(result);
        if (!firstErrors.isEmpty()) {
            problems.add(name + ": " + errors.get() + " errors, e.g. " + firstErrors.get(0));
        }
        System.out.printf(Locale.ROOT, "  %-30s %3d clients %8.1f/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  n %d  errors %d%n",
                name, clients, result.throughput(), result.percentile(50), result.percentile(95), result.percentile(99),
                merged.length, errors.get());
        return result;
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A browser session of a staff member: form login with the CSRF token of the login page. */
    HttpClient login(String username) throws IOException, InterruptedException {
        HttpClient client = client();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /login (" + page.statusCode() + ")");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode() + " " + location);
        }
        return client;
    }

    String token(String username) throws IOException, InterruptedException {
        HttpResponse<String> answer = client().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("no token for " + username + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    /** A page or fragment that must answer 200 with a body; the body is read in full, as a browser would. */
    Call page(HttpClient client, Supplier<String> path, boolean htmx) {
        return random -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.get())).timeout(Duration.ofSeconds(30));
            if (htmx) {
                request.header("HX-Request", "true");
            }
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200 || answer.body().length == 0) {
                throw new IllegalStateException(path.get() + " answered " + answer.statusCode());
            }
        };
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static <T> T pick(List<T> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    // ------------------------------------------------------------------------------------------------ samples

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    static List<String> strings(Connection db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no sample rows for: " + sql);
        }
        return out;
    }

    record Household(String siteCode, long houseId, long customerId, String phone) {
    }

    static List<Household> households(Connection db, String where) throws SQLException {
        List<Household> out = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery("""
                select s.code, h.id, o.customer_id, p.number
                from house h join site s on s.id = h.site_id
                join occupancy o on o.house_id = h.id and o.end_date is null and o.primary_contact
                join customer_phone p on p.customer_id = o.customer_id and p.position = 0
                where
                """ + where + " order by hashint8(h.id) limit 5000")) {
            while (rs.next()) {
                out.add(new Household(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** A new request as the phone intake would send it: mostly repairs, for a real household of the site. */
    static String newRequest(Household h, Random random) {
        String[][] kinds = {
                {"REPAIR", "PLUMBING", "厨房水槽下水管漏水，地面有积水"}, {"REPAIR", "ELECTRICAL_LIGHTING", "楼道声控灯不亮"},
                {"REPAIR", "DOOR_LOCK", "入户门锁芯卡住"}, {"INQUIRY", "FEES", "询问本季度物业费金额"},
                {"COMPLAINT", "NOISE", "楼上夜间噪音影响休息"}};
        String[] k = kinds[random.nextInt(kinds.length)];
        return "{\"kind\":\"" + k[0] + "\",\"categoryCode\":\"" + k[1] + "\",\"channel\":\"PHONE\",\"siteCode\":\""
                + h.siteCode() + "\",\"houseId\":" + h.houseId() + ",\"customerId\":" + h.customerId()
                + ",\"contactPhone\":\"" + h.phone() + "\",\"description\":\"" + k[2] + "（压测）\"}";
    }

    // ------------------------------------------------------------------------------------------------ the benchmark

    void bench() throws Exception {
        if (heap != null) {
            heap.start();
        }
        List<String> phoneFragments = new ArrayList<>();
        List<String> names;
        List<String> houseCodes;
        List<String> requestIds;
        List<Household> everywhere;
        long siteOne;
        int questionnaire;
        try (Connection db = db()) {
            String deskSites = "(select site_id from staff_site ss join staff st on st.id = ss.staff_id where st.username = 'bench-desk')";
            for (String phone : strings(db, "select p.number from customer_phone p join customer c on c.id = p.customer_id"
                    + " where p.position = 0 and c.site_id in " + deskSites + " order by hashint8(p.id) limit 2000")) {
                phoneFragments.add(phone.substring(phone.length() - 4));
                phoneFragments.add(phone.substring(2, 9));
                phoneFragments.add(phone);
            }
            names = strings(db, "select name from customer where site_id in " + deskSites + " order by hashint8(id) limit 2000");
            houseCodes = strings(db, "select code from house where site_id in " + deskSites + " order by hashint8(id) limit 2000");
            requestIds = strings(db, "select id::text from service_request where site_id in " + deskSites
                    + " order by hashint8(id) limit 5000");
            everywhere = households(db, "true");
            siteOne = Long.parseLong(strings(db, "select min(id)::text from site").get(0));
            questionnaire = Integer.parseInt(strings(db, "select max(id)::text from questionnaire where status = 'CLOSED'"
                    + " and id in (select questionnaire_id from questionnaire_site group by 1 having count(*) > 1)").get(0));
        }

        HttpClient desk = login("bench-desk");
        HttpClient dispatcher = login("bench-dispatcher");
        HttpClient technician = login("bench-tech-1-1");
        HttpClient manager = login("bench-manager");
        HttpClient siteManager = login("bench-site-manager");
        String callCentre = token("bench-callcentre");
        HttpClient api = client();

        List<Call> everyPage = List.of(meCall(api, callCentre),
                page(desk, () -> "/records/lookup?q=" + pick(phoneFragments, ThreadLocalRandom.current()), true),
                page(desk, () -> "/records/lookup?q=" + enc(pick(names, ThreadLocalRandom.current())), true),
                page(desk, () -> "/records/lookup?q=" + enc(pick(houseCodes, ThreadLocalRandom.current())), true),
                page(desk, () -> "/requests", false),
                page(desk, () -> "/requests/" + pick(requestIds, ThreadLocalRandom.current()), false),
                page(dispatcher, () -> "/dispatch", false),
                page(technician, () -> "/work", false),
                page(manager, () -> "/dashboard?sites=" + siteOne + "&period=DAYS_30", false),
                page(siteManager, () -> "/surveys/" + questionnaire + "/results", false));
        // A server that has run for a while has compiled its hot code; on two cores the JIT compilers otherwise take a
        // core away from the first scenarios, so every page is called in a mix first and only then measured.
        System.out.println("JIT warm-up: every page and API call in a mix, 4 clients, " + jitWarmup.toSeconds() + " s");
        run("warm-up", "", 4, random -> everyPage.get(random.nextInt(everyPage.size())).run(random),
                Duration.ZERO, jitWarmup);
        results.remove(results.size() - 1);
        problems.removeIf(problem -> problem.startsWith("warm-up:"));

        System.out.println("scenarios (warm-up " + warmup.toSeconds() + " s, measured " + measure.toSeconds() + " s each):");
        Result ceiling16 = run("ceiling: GET /api/v1/me", "trivial authenticated endpoint (bearer token)", 16, meCall(api, callCentre));
        Result ceiling4 = run("ceiling: GET /api/v1/me", "trivial authenticated endpoint (bearer token)", 4, meCall(api, callCentre));

        run("lookup: phone", "`/records/lookup?q=` (htmx fragment), last 4 / 7 middle / all 11 digits", 4,
                page(desk, () -> "/records/lookup?q=" + pick(phoneFragments, ThreadLocalRandom.current()), true));
        run("lookup: name", "`/records/lookup?q=` full name", 4,
                page(desk, () -> "/records/lookup?q=" + enc(pick(names, ThreadLocalRandom.current())), true));
        run("lookup: house", "`/records/lookup?q=` house notation `3-2-1502`", 4,
                page(desk, () -> "/records/lookup?q=" + enc(pick(houseCodes, ThreadLocalRandom.current())), true));

        long before = count("select count(*) from service_request where created_by = 'bench-callcentre'");
        AtomicLong acknowledged = new AtomicLong();
        Result intake = run("intake: POST /api/v1/requests", "API intake, all sites, JSON, 201 expected", 16, random -> {
            HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                    .header("Authorization", "Bearer " + callCentre).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(newRequest(pick(everywhere, random), random))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("intake answered " + answer.statusCode() + " " + answer.body());
            }
            acknowledged.incrementAndGet();
        });
        long stored = count("select count(*) from service_request where created_by = 'bench-callcentre'") - before;

        run("queue: /requests", "front desk's queue page (2 sites)", 4, page(desk, () -> "/requests", false));
        run("request page", "`/requests/{id}`, random request of the desk's sites", 4,
                page(desk, () -> "/requests/" + pick(requestIds, ThreadLocalRandom.current()), false));
        run("dispatch board", "`/dispatch` with suggestions (dispatcher of 5 sites)", 4, page(dispatcher, () -> "/dispatch", false));
        run("technician: /work", "technician's job list", 4, page(technician, () -> "/work", false));
        Result dashOne = run("dashboard: one site", "`/dashboard?sites=" + siteOne + "&period=DAYS_90`", 1,
                page(manager, () -> "/dashboard?sites=" + siteOne + "&period=DAYS_90", false));
        Result dashAll = run("dashboard: all sites", "`/dashboard?period=DAYS_90` (manager of all sites)", 1,
                page(manager, () -> "/dashboard?period=DAYS_90", false));
        run("survey results: a site", "`/surveys/" + questionnaire + "/results`, manager of one site", 4,
                page(siteManager, () -> "/surveys/" + questionnaire + "/results", false));

        DashboardSql sql = new DashboardSql(ZoneId.of(meta.getProperty("zone", "Asia/Shanghai")));
        List<Long> allSites;
        try (Connection db = db()) {
            allSites = strings(db, "select id::text from site order by id").stream().map(Long::parseLong).toList();
        }
        Result mainOne = run("SQL floor: one site", "dashboard's main aggregate (received, by kind), JDBC", 1,
                sql.call(List.of(siteOne), true));
        Result mainAll = run("SQL floor: all sites", "dashboard's main aggregate (received, by kind), JDBC", 1,
                sql.call(allSites, true));
        Result fullOne = run("SQL floor: one site, all", "every query of the dashboard's figures, JDBC", 1,
                sql.call(List.of(siteOne), false));
        Result fullAll = run("SQL floor: all sites, all", "every query of the dashboard's figures, JDBC", 1,
                sql.call(allSites, false));
        sql.close();

        if (heap != null) {
            heap.stop();
        }
        report(ceiling16, ceiling4, intake, acknowledged.get(), stored, dashOne, dashAll, mainOne, mainAll, fullOne, fullAll);
    }

    Call meCall(HttpClient api, String token) {
        return random -> {
            HttpResponse<byte[]> answer = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("/api/v1/me answered " + answer.statusCode());
            }
        };
    }

    long count(String sql) throws SQLException {
        try (Connection db = db(); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ SQL floor

    /**
     * The dashboard's SQL, as DashboardQueries builds it (the app's classes are on the class path), run over one JDBC connection with the same parameters for the last 90
     * days. "main" is the one-pass aggregate over the requests received; "all" adds every other query of the
     * dashboard's figures (backlog, callbacks, ratings, volume by category, channel and day, hotspots, households,
     * technicians); the satisfaction trend (surveys module) is not included.
     */
    class DashboardSql {

        final Connection db;
        final Timestamp from;
        final Timestamp to;
        final Timestamp now;
        final String zone;

        DashboardSql(ZoneId zone) throws SQLException {
            db = db();
            this.zone = zone.getId();
            LocalDate today = LocalDate.now(zone);
            from = Timestamp.from(today.minusDays(89).atStartOfDay(zone).toInstant());
            to = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
            now = Timestamp.from(Instant.now());
        }

        void close() throws SQLException {
            db.close();
        }

        Call call(List<Long> sites, boolean mainOnly) {
            List<String> statements = mainOnly ? List.of(DashboardQueries.receivedSql()) : DashboardQueries.figuresSql();
            return random -> {
                Long[] ids = sites.toArray(Long[]::new);
                for (String statement : statements) {
                    try (PreparedStatement ps = prepare(statement, ids); ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rs.getObject(1);
                        }
                    }
                }
            };
        }

        /** Named parameters as in the app (:sites, :from, :to, :now, :asOf, :bucket, :zone), bound positionally. */
        PreparedStatement prepare(String sql, Long[] sites) throws SQLException {
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile(":(sites|from|to|now|asOf|bucket|zone)\\b").matcher(sql);
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                names.add(m.group(1));
                m.appendReplacement(text, "?");
            }
            m.appendTail(text);
            PreparedStatement ps = db.prepareStatement(text.toString());
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "sites" -> ps.setArray(i + 1, db.createArrayOf("bigint", sites));
                    case "from" -> ps.setTimestamp(i + 1, from);
                    case "to" -> ps.setTimestamp(i + 1, to);
                    case "now", "asOf" -> ps.setTimestamp(i + 1, now);
                    case "bucket" -> ps.setString(i + 1, "day");
                    case "zone" -> ps.setString(i + 1, zone);
                    default -> throw new IllegalStateException(names.get(i));
                }
            }
            return ps;
        }
    }

    // ------------------------------------------------------------------------------------------------ heap and RSS

    /** Samples the app's heap with jstat every half second: the peak of S0U+S1U+EU+OU is the peak heap in use. */
    static class HeapSampler {

        final String pid;
        Process process;
        Thread reader;
        volatile double peakUsedKb;
        volatile double peakCommittedKb;

        HeapSampler(String pid) {
            this.pid = pid;
        }

        void start() throws IOException {
            process = new ProcessBuilder("jstat", "-gc", pid, "500").redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                    List<String> header = null;
                    String line;
                    while ((line = in.readLine()) != null) {
                        List<String> cells = Arrays.asList(line.trim().split("\\s+"));
                        if (cells.contains("EU")) {
                            header = cells;
                            continue;
                        }
                        if (header == null || cells.size() != header.size()) {
                            continue;
                        }
                        double used = 0;
                        double committed = 0;
                        for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                            used += Double.parseDouble(cells.get(header.indexOf(c)));
                        }
                        for (String c : List.of("S0C", "S1C", "EC", "OC")) {
                            committed += Double.parseDouble(cells.get(header.indexOf(c)));
                        }
                        peakUsedKb = Math.max(peakUsedKb, used);
                        peakCommittedKb = Math.max(peakCommittedKb, committed);
                    }
                } catch (IOException | RuntimeException e) {
                    // the app went away: the peak so far stands
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void stop() throws InterruptedException {
            process.destroy();
            reader.join(2000);
        }

        /** VmHWM: the most resident memory the process has had, heap, metaspace, code, threads and all. */
        String rss() {
            try {
                return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                        .filter(l -> l.startsWith("VmHWM:")).map(l -> l.replaceAll("\\s+", " ").substring(7))
                        .findFirst().orElse("?");
            } catch (IOException e) {
                return "? (" + e.getMessage() + ")";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    void report(Result ceiling16, Result ceiling4, Result intake, long acknowledged, long stored, Result dashOne,
            Result dashAll, Result mainOne, Result mainAll, Result fullOne, Result fullAll) throws IOException {
        Map<String, Boolean> pass = new LinkedHashMap<>();
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.printf("# PropertyDesk benchmark, %s size, %s%n%n", meta.getProperty("size"), meta.getProperty("date"));
        out.printf("- Machine: %s; %s CPU cores; load average before the run: %s; at the end: %s%n",
                meta.getProperty("machine"), Runtime.getRuntime().availableProcessors(), meta.getProperty("load"),
                loadAverage());
        out.printf("- Data: %s%n", meta.getProperty("data"));
        out.printf("- App: `java -Xmx512m %s-jar` on the embedded PostgreSQL 17 (shared_buffers %s), demo data off, "
                + "background jobs on; started in %s s (Spring's \"Started PropertyDeskApplication in\"), ready for "
                + "requests after %s s%n",
                "1".equals(meta.getProperty("cds")) ? "-XX:SharedArchiveFile=propertydesk.jsa " : "",
                meta.getProperty("dbSharedBuffers", "128MB"), meta.getProperty("started"), meta.getProperty("ready"));
        if ("1".equals(meta.getProperty("cds"))) {
            out.println("- Class data sharing: the jar unpacked (`-Djarmode=tools extract`); the archive of the classes the "
                    + "setup start loaded, written as it stopped (`-XX:ArchiveClassesAtExit`), as the Docker image does");
        }
        out.printf("- Load: closed-loop Java clients (java.net.http, HTTP/1.1) on loopback on the same 2 cores as app and "
                + "database; first %d s of every page and call in a mix (so that the JIT has compiled the hot code), "
                + "then each scenario %d s warm-up and %d s measured; latency in ms; ratio = throughput / the "
                + "trivial endpoint's throughput at the same number of clients (pages and API) or page p50 / SQL floor "
                + "p50 (dashboards)%n%n", jitWarmup.toSeconds(), warmup.toSeconds(), measure.toSeconds());
        out.println("| scenario | clients | req/s | p50 | p95 | p99 | n | errors | ratio | target | met |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|");
        for (Result r : results) {
            String ratio;
            String target = "";
            Boolean met = null;
            if (r.name.startsWith("ceiling")) {
                ratio = "1.00";
            } else if (r.name.startsWith("SQL floor")) {
                ratio = "";
            } else if (r.name.startsWith("dashboard")) {
                Result floor = r == dashOne ? fullOne : fullAll;
                Result main = r == dashOne ? mainOne : mainAll;
                double x = r.percentile(50) / floor.percentile(50);
                ratio = String.format(Locale.ROOT, "%.2f× all SQL (%.1f× main)", x, r.percentile(50) / main.percentile(50));
                double limit = r == dashOne ? 150 : 500;
                target = "p95 ≤ " + (int) limit + " ms, ≤ 1.5× SQL";
                met = r.percentile(95) <= limit && x <= 1.5;
            } else {
                Result ceiling = r.clients == 16 ? ceiling16 : ceiling4;
                ratio = String.format(Locale.ROOT, "%.2f", r.throughput() / ceiling.throughput());
                if (r.name.startsWith("lookup")) {
                    target = "p95 ≤ 30 ms";
                    met = r.percentile(95) <= 30;
                } else if (r.name.startsWith("intake")) {
                    target = "≥ 300/s, p95 ≤ 50 ms, ≥ 0.25, none lost";
                    met = r.throughput() >= 300 && r.percentile(95) <= 50 && r.throughput() / ceiling.throughput() >= 0.25
                            && acknowledged == stored;
                } else if (r.name.startsWith("survey")) {
                    target = "(no target)";
                } else {
                    target = "p95 ≤ 50 ms";
                    met = r.percentile(95) <= 50;
                }
            }
            if (met != null) {
                pass.put(r.name, met);
            }
            out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %d | %s | %s | %s |%n", r.name, r.clients,
                    r.throughput(), r.percentile(50), r.percentile(95), r.percentile(99), r.requests, r.errors, ratio, target,
                    met == null ? "" : met ? "yes" : "**no**");
        }
        out.println();
        out.printf("- Intake: %d requests acknowledged (201), %d stored by the call-centre account in the same window "
                + "(warm-up included in both counts): %s%n", acknowledged, stored,
                acknowledged == stored ? "none lost" : "**MISMATCH**");
        if (heap != null) {
            out.printf(Locale.ROOT, "- Heap (jstat every 0.5 s during the run): peak in use %.0f MB, peak committed %.0f MB "
                    + "of -Xmx512m; process peak RSS (VmHWM): %s (target: heap under 512 MB)%n",
                    heap.peakUsedKb / 1024, heap.peakCommittedKb / 1024, heap.rss());
        }
        out.printf("- App start: %s s (target < 10 s, not counting the embedded database's first initialisation)%n",
                meta.getProperty("started"));
        out.println("- SQL floor: the dashboard's queries, taken from the app's own `DashboardQueries`, for the same "
                + "90 days, over one JDBC connection; \"main\" is the one-pass aggregate over the requests received, "
                + "\"all\" every query of the figures except the satisfaction trend.");
        out.println();
        out.println("What each scenario calls:");
        out.println();
        for (Result r : results) {
            out.printf("- %s: %s%n", r.name, r.what);
        }
        if (!problems.isEmpty()) {
            out.println();
            out.println("Errors seen:");
            out.println();
            problems.forEach(p -> out.println("- " + p));
        }
        out.flush();
        System.out.println();
        System.out.println(text);
        Path file = Path.of(meta.getProperty("out"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.toString());
        System.out.println("written to " + file);
        long missed = pass.values().stream().filter(b -> !b).count();
        System.out.println(missed == 0 ? "all targets met" : missed + " of " + pass.size() + " targets missed");
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------------------------------------ crash

    /**
     * Takes in requests with 16 clients until the app stops answering; every 201 is appended (id and number) to the
     * acknowledged file and flushed before the next call, so that the file holds exactly what clients were told.
     */
    void crashLoad() throws Exception {
        List<Household> everywhere;
        try (Connection db = db()) {
            everywhere = households(db, "true");
        }
        String token = token("bench-callcentre");
        HttpClient api = client();
        Path acks = Path.of(meta.getProperty("acks"));
        AtomicLong failures = new AtomicLong();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(acks))) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(meta.getProperty("seconds", "60"))).toNanos();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int seed = c;
                futures.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int consecutiveFailures = 0;
                    while (System.nanoTime() < deadline && consecutiveFailures < 20) {
                        try {
                            HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(10))
                                    .POST(HttpRequest.BodyPublishers.ofString(newRequest(pick(everywhere, random), random)))
                                    .build(), HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201) {
                                Matcher id = ID_IN_BODY.matcher(answer.body());
                                Matcher number = NUMBER_IN_BODY.matcher(answer.body());
                                if (!id.find() || !number.find()) {
                                    throw new IllegalStateException("201 without id and number: " + answer.body());
                                }
                                synchronized (out) {
                                    out.println(id.group(1) + " " + number.group(1));
                                    out.flush();
                                }
                                consecutiveFailures = 0;
                            } else {
                                consecutiveFailures++;
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                            consecutiveFailures++;
                            Thread.sleep(100);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        System.out.println("crash load: " + Files.readAllLines(acks).size() + " requests acknowledged, "
                + failures.get() + " calls failed (the app was killed)");
    }

    /** Every acknowledged request exists with its number, a "received" event first on its timeline, and its SLA times. */
    boolean crashCheck() throws Exception {
        List<String> acks = Files.readAllLines(Path.of(meta.getProperty("acks")));
        if (acks.isEmpty()) {
            System.out.println("FAIL: no request was acknowledged before the kill; nothing was tested");
            return false;
        }
        int missing = 0;
        int inconsistent = 0;
        try (Connection db = db(); PreparedStatement ps = db.prepareStatement("""
                select r.number, r.status, r.due_acknowledge_at is not null and r.due_resolve_at is not null
                           and r.risk_acknowledge_at is not null and r.risk_resolve_at is not null
                           and (r.kind <> 'REPAIR' or r.due_arrival_at is not null or r.priority = 'LOW'),
                       (select e.type from request_event e where e.request_id = r.id order by e.at, e.id limit 1),
                       (select count(*) from request_event e where e.request_id = r.id and e.type = 'received')
                from service_request r where r.id = ?
                """)) {
            for (String line : acks) {
                String[] parts = line.split(" ");
                ps.setLong(1, Long.parseLong(parts[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        missing++;
                        if (missing <= 5) {
                            System.out.println("  missing: request " + line);
                        }
                        continue;
                    }
                    boolean ok = rs.getString(1).equals(parts[1]) && rs.getBoolean(3)
                            && "received".equals(rs.getString(4)) && rs.getLong(5) == 1;
                    if (!ok) {
                        inconsistent++;
                        if (inconsistent <= 5) {
                            System.out.println("  inconsistent: " + line + " -> number " + rs.getString(1) + ", status "
                                    + rs.getString(2) + ", SLA times set " + rs.getBoolean(3) + ", first event "
                                    + rs.getString(4) + ", received events " + rs.getLong(5));
                        }
                    }
                }
            }
            long stored;
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select count(*) from service_request where created_by = 'bench-callcentre'")) {
                rs.next();
                stored = rs.getLong(1);
            }
            System.out.printf("crash check: %d acknowledged, %d missing, %d inconsistent; %d stored in all (%d taken in "
                    + "but not acknowledged: in flight when the app was killed)%n", acks.size(), missing, inconsistent,
                    stored, stored - (acks.size() - missing));
        }
        String token = token("bench-callcentre");
        String[] last = acks.get(acks.size() - 1).split(" ");
        HttpResponse<String> answer = client().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests/" + last[0]))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        boolean served = answer.statusCode() == 200 && answer.body().contains(last[1]);
        System.out.println("after the restart the API serves the last acknowledged request " + last[1] + ": "
                + (served ? "yes" : "NO (" + answer.statusCode() + ")"));
        boolean pass = missing == 0 && inconsistent == 0 && served;
        System.out.println(pass ? "PASS" : "FAIL");
        return pass;
    }
}
