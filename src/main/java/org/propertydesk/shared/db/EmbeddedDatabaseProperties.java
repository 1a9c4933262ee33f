package org.propertydesk.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data and which loopback port it listens on (0 picks a free one).
 */
@ConfigurationProperties("propertydesk.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean synchronousCommit) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
    }
}
