package org.propertydesk.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The documented formula: mean of the ratings mapped 1→0, 2→25, 3→50, 4→75, 5→100, one decimal. */
class SatisfactionIndexTest {

    @Test
    void ratingsFiveFourThreeGiveSeventyFive() {
        assertThat(SatisfactionIndex.of(List.of(5, 4, 3))).isEqualByComparingTo("75.0");
    }

    @Test
    void eachRatingMapsToItsPoints() {
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(SatisfactionIndex::points).toList()).containsExactly(0, 25, 50, 75, 100);
        assertThat(SatisfactionIndex.of(List.of(1))).isEqualByComparingTo("0.0");
        assertThat(SatisfactionIndex.of(List.of(5, 5))).isEqualByComparingTo("100.0");
    }

    @Test
    void meansAreRoundedToOneDecimal() {
        assertThat(SatisfactionIndex.of(List.of(5, 4, 4))).isEqualByComparingTo("83.3");
        assertThat(SatisfactionIndex.of(List.of(1, 2))).isEqualByComparingTo("12.5");
    }

    @Test
    void noRatingsHaveNoIndexAndRatingsOutsideOneToFiveAreRefused() {
        assertThat(SatisfactionIndex.of(List.of())).isNull();
        assertThatThrownBy(() -> SatisfactionIndex.points(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SatisfactionIndex.points(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNationalFigureIs72Point3() {
        assertThat(SatisfactionIndex.NATIONAL).isEqualByComparingTo(new BigDecimal("72.3"));
    }
}
