package org.propertydesk.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.propertydesk.PropertyDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The app runs only on a schema it knows: one a newer version has migrated stops the start with a clear reason. */
class NewerSchemaTest {

    @TempDir
    Path dataDir;

    EmbeddedPostgres postgres;

    @BeforeEach
    void migratedDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
    }

    @AfterEach
    void stop() throws Exception {
        postgres.close();
    }

    @Test
    void theAppStartsOnTheSchemaItMigratedItself() {
        try (var app = start()) {
            assertThat(app.isRunning()).isTrue();
        }
    }

    @Test
    void theAppRefusesADatabaseANewerVersionHasMigratedAndSaysWhy() throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, execution_time, success)
                    select max(installed_rank) + 1, '999', 'from a newer version', 'SQL', 'V999__from_a_newer_version.sql',
                        0, 'postgres', 1, true
                    from flyway_schema_history""");
        }

        Throwable refused = catchThrowable(this::start);

        assertThat(refused).isNotNull();
        FailureAnalysis analysis = new NewerSchemaFailureAnalyzer().analyze(refused);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("newer version of PropertyDesk").contains("999");
        assertThat(analysis.getAction()).contains("backup");
    }

    private org.springframework.context.ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PropertyDeskApplication.class).properties(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "propertydesk.data-dir=" + dataDir,
                "propertydesk.demo-data.enabled=false",
                "propertydesk.scheduling.enabled=false",
                "server.port=0").run();
    }
}
