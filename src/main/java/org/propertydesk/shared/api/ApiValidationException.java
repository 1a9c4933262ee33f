package org.propertydesk.shared.api;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that passed Bean Validation but not the rules that need the database (an unknown site code, a house of
 * another site): answered 400 with the same {@code errors} list as Bean Validation failures. Collect every problem
 * first, then throw once, so that the client sees them all.
 */
public class ApiValidationException extends ApiProblemException {

    /** One field's problem: the JSON property (or query parameter) and a message key with its arguments. */
    public record FieldProblem(String field, String messageKey, Object... arguments) {
    }

    private final List<FieldProblem> problems;

    public ApiValidationException(List<FieldProblem> problems) {
        super(HttpStatus.BAD_REQUEST, ApiProblems.VALIDATION, "api.problem.validation.detail");
        this.problems = List.copyOf(problems);
    }

    public static ApiValidationException of(String field, String messageKey, Object... arguments) {
        return new ApiValidationException(List.of(new FieldProblem(field, messageKey, arguments)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Collects field problems, so that a controller can check everything before refusing. */
    public static final class Collector {

        private final List<FieldProblem> problems = new ArrayList<>();

        public Collector add(String field, String messageKey, Object... arguments) {
            problems.add(new FieldProblem(field, messageKey, arguments));
            return this;
        }

        public boolean has(String field) {
            return problems.stream().anyMatch(p -> p.field().equals(field));
        }

        public boolean isEmpty() {
            return problems.isEmpty();
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new ApiValidationException(problems);
            }
        }
    }
}
