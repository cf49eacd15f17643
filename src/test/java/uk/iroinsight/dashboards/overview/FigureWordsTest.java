package uk.iroinsight.dashboards.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.Judgement.Direction;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranked;
import uk.iroinsight.dashboards.data.MartSnapshot.Ranking;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;

/** The phrases the overview's tiles and the scorecard share. */
class FigureWordsTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void ordinalsReadAsWrittenEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 152))
                .extracting(FigureWords::ordinal)
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
                        "112th", "152nd");
    }

    @Test
    void aRankSaysItsPlaceInEnglandAndItsQuartile() {
        assertThat(FigureWords.rank(ranking("reviews_on_time_pct", 12, 152, false))).contains("12th of 152 in England, quartile A (best)");
        assertThat(FigureWords.rank(ranking("reviews_on_time_pct", 39, 152, false))).contains("39th of 152 in England, quartile B");
        assertThat(FigureWords.rank(ranking("reviews_on_time_pct", 152, 152, false))).contains("152nd of 152 in England, quartile D (worst)");
        assertThat(FigureWords.rank(ranking("reviews_on_time_pct", 2, 3, false))).contains("2nd of 3 in England");
    }

    @Test
    void aRankAmongPartOfEnglandSaysHowManyHadAFigure() {
        Ranking all = ranking("reviews_on_time_pct", 3, 10, false);
        List<Ranked> entries = new ArrayList<>(all.entries());
        for (int i = 0; i < 143; i++) {
            Authority authority = new Authority(String.valueOf(500 + i), "E0", "LA", "E1", "R", "E1", List.of());
            entries.add(new Ranked(authority, all.entries().get(0).figure(), new Shown("[x]", false, null), null));
        }
        Ranking partial = new Ranking(all.indicator(), 2024, Comparison.ALL, "891", entries, 10, List.of());

        assertThat(FigureWords.rank(partial)).contains("3rd of the 10 councils in England with a figure, quartile A (best)");
    }

    @Test
    void thereIsNoRankForAFigureNotShownOrAnIndicatorWithoutPolarity() {
        assertThat(FigureWords.rank(ranking("reviews_on_time_pct", 12, 152, true))).isEmpty();
        assertThat(FigureWords.rank(ranking("cla_rate_10k", 12, 152, false))).isEmpty();
    }

    @Test
    void aFigureNotShownSaysWhy() {
        var indicator = CATALOGUE.get("disputes_resolved_20wd_pct");
        Figure small = figure("la", 3.0, 4.0, 75.0, "ok", "records", null);
        assertThat(FigureWords.notShown(small, Disclosure.show(small.forDisclosure(indicator), true), indicator))
                .contains("not shown: fewer than 6 disputes");
        Figure dfe = figure("la", null, null, null, "suppressed", "published", null);
        assertThat(FigureWords.notShown(dfe, Disclosure.show(dfe.forDisclosure(indicator), true), indicator))
                .contains("not shown: withheld in DfE's publication");
        Figure none = figure("la", null, null, null, "not_available", "records", null);
        assertThat(FigureWords.notShown(none, Disclosure.show(none.forDisclosure(indicator), true), indicator)).contains("not available");
        Figure shown = figure("la", 30.0, 40.0, 75.0, "ok", "records", null);
        assertThat(FigureWords.notShown(shown, Disclosure.show(shown.forDisclosure(indicator), true), indicator)).isEmpty();
    }

    @Test
    void partialCoverageOfAComparatorFromTheReturnsIsSaid() {
        assertThat(FigureWords.coverage(figure("sn_mean", 1.0, 1.0, 1.0, "ok", "records", 3), 10)).isEqualTo(", based on 3 of 10");
        assertThat(FigureWords.coverage(figure("sn_mean", 1.0, 1.0, 1.0, "ok", "records", 10), 10)).isEmpty();
        assertThat(FigureWords.coverage(figure("england", 1.0, 1.0, 1.0, "ok", "published", null), 153)).isEmpty();
    }

    @Test
    void theDirectionOfTravelHasAnArrowAndWords() {
        assertThat(FigureWords.direction(Direction.IMPROVING, 2023)).isEqualTo("↑ improving since 2023");
        assertThat(FigureWords.direction(Direction.WORSENING, 2023)).isEqualTo("↓ getting worse since 2023");
        assertThat(FigureWords.direction(Direction.NO_CHANGE, 2023)).isEqualTo("→ no change since 2023");
        assertThat(FigureWords.direction(Direction.UNKNOWN, 2023)).isEqualTo("– no earlier figure to compare");
        assertThat(FigureWords.asOf(LocalDateTime.of(2026, 6, 1, 12, 0))).isEqualTo("1 June 2026 at 12:00");
    }

    /** A ranking of {@code of} authorities with the own one (code 891) at {@code rank}, or not shown. */
    private static Ranking ranking(String indicator, int rank, int of, boolean ownHidden) {
        List<Ranked> entries = new ArrayList<>();
        for (int i = 1; i <= of; i++) {
            String code = i == rank ? "891" : String.valueOf(100 + i);
            Authority authority = new Authority(code, "E0" + code, "LA " + code, "E12000004", "East Midlands", "E12000004", List.of());
            boolean hidden = ownHidden && i == rank;
            Shown shown = hidden ? new Shown("[c]", true, null) : new Shown(String.valueOf(100 - i), false, 100.0 - i);
            entries.add(new Ranked(authority, figure("la", 1.0, 1.0, 1.0, "ok", "records", null), shown, hidden ? null : i));
        }
        return new Ranking(CATALOGUE.get(indicator), 2024, Comparison.ALL, "891", entries, ownHidden ? of - 1 : of, List.of());
    }

    private static Figure figure(String areaType, Double numerator, Double denominator, Double value, String status,
                                 String source, Integer coverage) {
        return new Figure(areaType, "E10000024", "Nottinghamshire", "891", 2024, "disputes_resolved_20wd_pct", source, numerator,
                denominator, value, status, null, null, coverage, null, null, null, null);
    }
}
