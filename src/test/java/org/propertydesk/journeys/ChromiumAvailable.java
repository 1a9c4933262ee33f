package org.propertydesk.journeys;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser journeys, before the application is started, when Debian's Chromium or its chromedriver is not
 * installed, and says so in one line. In CI ({@code .ci/run} installs both) they run.
 */
final class ChromiumAvailable implements ExecutionCondition {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = !Files.isExecutable(BrowserJourneyTest.CHROMIUM)
                ? "Chromium not installed at " + BrowserJourneyTest.CHROMIUM
                : !Files.isExecutable(BrowserJourneyTest.CHROMEDRIVER)
                        ? "chromedriver not installed at " + BrowserJourneyTest.CHROMEDRIVER
                        : null;
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver installed");
        }
        String reason = missing + ": browser journeys skipped";
        if (TOLD.compareAndSet(false, true)) {
            System.err.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
