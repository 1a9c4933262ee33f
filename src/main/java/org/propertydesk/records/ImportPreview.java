package org.propertydesk.records;

import java.util.List;

/**
 * What the preview page shows of an upload: how many rows it has, how many can be written, and every problem by row
 * and column. The list on the page stops at {@link #SHOWN_PROBLEMS}; a file with more has a systematic fault that the
 * first ones reveal.
 */
record ImportPreview(ImportUpload upload, int totalRows, int validRows, List<ImportProblem> problems) {

    static final int SHOWN_PROBLEMS = 500;

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public int invalidRows() {
        return totalRows - validRows;
    }

    public List<ImportProblem> shownProblems() {
        return problems.subList(0, Math.min(problems.size(), SHOWN_PROBLEMS));
    }

    public int hiddenProblems() {
        return Math.max(0, problems.size() - SHOWN_PROBLEMS);
    }

    public String header(ImportProblem problem) {
        return upload.headerOf(problem.column());
    }

    public String ignoredHeaders() {
        return String.join(", ", upload.ignoredHeaders());
    }
}
