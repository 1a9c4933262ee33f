package org.propertydesk.shared.db;

import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The app refuses to start on a database a newer version has migrated (Flyway's default would ignore the unknown
 * migrations and let an old app write to a schema it does not understand); this says so in words an operator can act
 * on, instead of Flyway's stack trace.
 */
class NewerSchemaFailureAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
        String details = cause.getMessage();
        if (details == null || !details.contains("not resolved locally")) {
            return new FailureAnalysis("The database schema does not match this version of PropertyDesk: " + details,
                    "Restore the database from the backup taken before the last upgrade, or run the version of "
                            + "PropertyDesk that last migrated it.", cause);
        }
        return new FailureAnalysis("The database was migrated by a newer version of PropertyDesk than this one, which "
                + "does not know its schema and will not start on it: " + details,
                "Run the newer version of PropertyDesk (the one that last migrated this database), or restore the "
                        + "backup taken before the upgrade.", cause);
    }
}
