package org.propertydesk.records;

import java.util.List;

/**
 * What an import did, counted by row: a row re-imported as it stands counts as unchanged.
 */
record ImportSummary(int created, int updated, int unchanged, int skipped) {

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    static ImportSummary of(List<Outcome> outcomes, int skipped) {
        return new ImportSummary(count(outcomes, Outcome.CREATED), count(outcomes, Outcome.UPDATED),
                count(outcomes, Outcome.UNCHANGED), skipped);
    }

    private static int count(List<Outcome> outcomes, Outcome outcome) {
        return (int) outcomes.stream().filter(outcome::equals).count();
    }
}
