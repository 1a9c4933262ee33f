package org.propertydesk.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the app without any setup: when no database URL is configured, a PostgreSQL 17 server is started from
 * the binaries in the jar, with its data under {@code propertydesk.embedded-db.data-dir} so that it survives
 * restarts. It listens on loopback only and is stopped with the application context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Files.createDirectories(properties.dataDir());
        LeftoverServer.stopIfRunning(properties.dataDir(), Duration.ofSeconds(30));
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}",
                properties.dataDir().toAbsolutePath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDir())
                .setCleanDataDirectory(false)
                .setPort(properties.port())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("synchronous_commit", properties.synchronousCommit() ? "on" : "off")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", properties.sharedBuffers())
                // The embedded server shares its machine with the app. Measured on the benchmark's data with two
                // cores, starting parallel workers cost more than they saved, also for the all-sites dashboard.
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(true);
        unicodeCharacterClasses().ifPresent(ctype -> builder.setLocaleConfig("lc-ctype", ctype));
        return builder.start();
    }

    /**
     * Sorting stays byte-wise (locale C), but character classes must know Chinese: pg_trgm only makes trigrams of
     * letters its ctype recognises, and under plain C it recognises none, so name search would find nothing.
     */
    private static Optional<String> unicodeCharacterClasses() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return Optional.of("C.UTF-8");
        }
        if (os.contains("mac")) {
            return Optional.of("en_US.UTF-8");
        }
        return Optional.empty();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        dataSource.setPoolName("embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** Marks the running database as the embedded one, so demo data knows it may load. */
    @Bean
    EmbeddedDatabase embeddedDatabase(DataSource dataSource) {
        return new EmbeddedDatabase();
    }
}
