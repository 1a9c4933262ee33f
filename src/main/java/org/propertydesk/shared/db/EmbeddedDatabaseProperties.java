package org.propertydesk.shared.db;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data, which loopback port it listens on (0 picks a free one) and how much
 * memory it keeps pages in ({@code shared_buffers}, PostgreSQL's units such as {@code 128MB} or {@code 1GB}).
 */
@ConfigurationProperties("propertydesk.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDir, int port, boolean synchronousCommit, String sharedBuffers) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data", "postgres");
        }
        if (sharedBuffers == null || sharedBuffers.isBlank()) {
            sharedBuffers = "128MB";
        }
    }
}
