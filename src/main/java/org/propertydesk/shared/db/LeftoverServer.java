package org.propertydesk.shared.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL left running by an app that was killed (SIGKILL, power loss of the JVM only, {@code kill -9}
 * by an impatient operator): the server is a child process that outlives the JVM, still holding the data directory, so
 * the next start would fail with "lock file postmaster.pid already exists". It is stopped the way PostgreSQL stops
 * safely for a fast shutdown, and a pid file whose process is gone is left to PostgreSQL, which ignores it by itself.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /** Stops a server still running on the data directory, waiting up to {@code patience} for it to exit. */
    static void stopIfRunning(Path dataDir, Duration patience) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDir);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle process = server.get();
        log.warn("An embedded PostgreSQL (pid {}) from an earlier run is still using {}: stopping it", process.pid(),
                dataDir.toAbsolutePath());
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the old JVM, so it ends at once and cleanly.
        process.destroy();
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            throw new IOException("The embedded PostgreSQL of an earlier run (pid " + process.pid() + ") still holds "
                    + dataDir.toAbsolutePath() + " after " + patience.toSeconds() + " s; stop it and start again");
        } catch (ExecutionException cannotTell) {
            throw new IOException("Could not stop the embedded PostgreSQL of an earlier run (pid " + process.pid() + ")",
                    cannotTell);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the earlier embedded PostgreSQL", e);
        }
    }

    /** The process named in the data directory's pid file, if it is alive and is a PostgreSQL server. */
    static Optional<ProcessHandle> runningServer(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }
}
