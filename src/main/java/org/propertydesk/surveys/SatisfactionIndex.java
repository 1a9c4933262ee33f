package org.propertydesk.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The satisfaction index, 0–100: the mean of the ratings (1–5) with each rating mapped 1→0, 2→25, 3→50, 4→75,
 * 5→100, i.e. {@code (rating − 1) × 25}, rounded to one decimal. Ratings 5, 4 and 3 give (100 + 75 + 50) / 3 = 75.0.
 * The index of a site is the mean over all its ratings; of a service line, over the rating answers to the questions
 * of that line, and for community activities also the ratings attendees gave the site's activities (see
 * {@link IndexQueries}). The SQL aggregates use {@link #SQL} so that both compute the same figure.
 * It is comparable with the national property-services index, {@link #NATIONAL}.
 */
final class SatisfactionIndex {

    /** The national satisfaction index for property services. */
    static final BigDecimal NATIONAL = new BigDecimal("72.3");

    /** The same formula over a column {@code rating} of answers, for SQL aggregates. */
    static final String SQL = "round(avg((a.rating - 1) * 25.0), 1)";

    private SatisfactionIndex() {
    }

    static int points(int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5: " + rating);
        }
        return (rating - 1) * 25;
    }

    /** The index of these ratings, or null without any. */
    static BigDecimal of(Collection<Integer> ratings) {
        if (ratings.isEmpty()) {
            return null;
        }
        long sum = ratings.stream().mapToLong(SatisfactionIndex::points).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 1, RoundingMode.HALF_UP);
    }
}
