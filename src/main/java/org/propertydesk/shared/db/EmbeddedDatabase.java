package org.propertydesk.shared.db;

/**
 * Present as a bean only when the app runs on its own embedded PostgreSQL.
 */
public final class EmbeddedDatabase {
}
