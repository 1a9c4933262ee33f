package org.propertydesk.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app killed with SIGKILL leaves its embedded PostgreSQL running on the data directory; the next start stops that
 * server and comes up on the same data, nothing lost.
 */
class LeftoverServerTest {

    @TempDir
    Path dataDir;

    @Test
    void theNextStartStopsTheServerAKilledAppLeftBehindAndKeepsItsData() throws Exception {
        long leftoverPid = startServerInAJvmThatDiesWithoutCleaningUp();
        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).contains(true);

        EmbeddedPostgres restarted = new EmbeddedDatabaseConfiguration()
                .embeddedPostgres(new EmbeddedDatabaseProperties(dataDir, 0, true, "32MB"));
        try (Connection connection = restarted.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(
                        "select note, current_setting('shared_buffers'), current_setting('max_parallel_workers_per_gather')"
                                + " from left_behind")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the crash");
            assertThat(rows.getString(2)).as("the configured page cache").isEqualTo("32MB");
            assertThat(rows.getString(3)).as("no parallel workers on the app's machine").isEqualTo("0");
        } finally {
            restarted.close();
        }
        assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aPidFileWhoseProcessIsGoneIsNoServer() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), "999999999\n" + dataDir + "\n");

        assertThat(LeftoverServer.runningServer(dataDir)).isEmpty();
    }

    @Test
    void aPidFileOfAnotherProgramIsNoServer() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");

        assertThat(LeftoverServer.runningServer(dataDir)).isEmpty();
    }

    private long startServerInAJvmThatDiesWithoutCleaningUp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KilledApp.class.getName(), dataDir.toString()))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.lines().anyMatch(line -> line.startsWith("STARTED"))).isTrue();
        }
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return LeftoverServer.runningServer(dataDir).orElseThrow().pid();
    }

    /** An app that writes a row and dies at once, as under SIGKILL: no shutdown hooks, the server keeps running. */
    static final class KilledApp {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).setPGStartupWait(Duration.ofSeconds(60)).start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create table left_behind (note text)");
                connection.createStatement().execute("insert into left_behind values ('written before the crash')");
            }
            System.out.println("STARTED");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }
}
