package uk.iroinsight.dashboards.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.data.Judgement.Direction;
import uk.iroinsight.dashboards.data.Judgement.Relation;
import uk.iroinsight.indicators.Indicator.Polarity;

class JudgementTest {

    @Test
    void betterAndWorseFollowPolarity() {
        assertThat(Judgement.compare(94.2, 91.0, Polarity.HIGHER_BETTER)).isEqualTo(Relation.BETTER);
        assertThat(Judgement.compare(94.2, 91.0, Polarity.LOWER_BETTER)).isEqualTo(Relation.WORSE);
        assertThat(Judgement.compare(8.0, 11.5, Polarity.LOWER_BETTER)).isEqualTo(Relation.BETTER);
        assertThat(Judgement.compare(94.2, 91.0, Polarity.NONE)).isEqualTo(Relation.HIGHER);
        assertThat(Judgement.compare(65.0, 70.0, Polarity.NONE)).isEqualTo(Relation.LOWER);
    }

    @Test
    void valuesThatReadTheSameAtOneDecimalAreTheSame() {
        assertThat(Judgement.compare(94.21, 94.24, Polarity.HIGHER_BETTER)).isEqualTo(Relation.SAME);
        assertThat(Judgement.compare(0.15, 0.2, Polarity.HIGHER_BETTER)).isEqualTo(Relation.SAME); // 0.15 shows as 0.2
        assertThat(Judgement.compare(94.25, 94.2, Polarity.HIGHER_BETTER)).isEqualTo(Relation.BETTER);
    }

    @Test
    void nothingToCompareIsUnknown() {
        assertThat(Judgement.compare(null, 91.0, Polarity.HIGHER_BETTER)).isEqualTo(Relation.UNKNOWN);
        assertThat(Judgement.direction(91.0, null, Polarity.HIGHER_BETTER)).isEqualTo(Direction.UNKNOWN);
    }

    @Test
    void directionsHaveArrowsAndWords() {
        assertThat(Judgement.direction(92.0, 90.0, Polarity.HIGHER_BETTER)).isEqualTo(Direction.IMPROVING);
        assertThat(Judgement.direction(92.0, 90.0, Polarity.LOWER_BETTER)).isEqualTo(Direction.WORSENING);
        assertThat(Judgement.direction(92.0, 90.0, Polarity.NONE)).isEqualTo(Direction.UP);
        assertThat(Judgement.direction(90.0, 90.0, Polarity.NONE)).isEqualTo(Direction.NO_CHANGE);
        for (Direction direction : Direction.values()) {
            assertThat(direction.words()).isNotBlank();
            assertThat(direction.arrow()).isNotBlank();
        }
    }
}
