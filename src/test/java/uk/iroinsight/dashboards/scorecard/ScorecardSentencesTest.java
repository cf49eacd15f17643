package uk.iroinsight.dashboards.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Figures;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Part;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Row;
import uk.iroinsight.indicators.Catalogue;
import uk.iroinsight.indicators.Indicator;

/** The scorecard's sentences, worked out by hand from figures made up for each case. */
class ScorecardSentencesTest {

    private static final Catalogue CATALOGUE = Catalogue.load();

    @Test
    void aFigureBetterThanBothComparatorsAndLastYearSaysSoInWordsAndSymbols() {
        Row row = row("reviews_on_time_pct", "Reviews held on time",
                percent(942, 1000), percent(928, 1000), records(91.0, 10), published(90.3));

        assertThat(row.text()).isEqualTo("Reviews held on time: 94.2%, ▲ better than similar councils (91.0%) and England "
                + "(90.3%); ↑ improving since last year (92.8%).");
        assertThat(row.sentence()).filteredOn(Part::symbol).extracting(Part::text).containsExactly("▲", "↑");
        assertThat(row.direction()).isEqualTo("↑ improving since last year (92.8%)");
        assertThat(row.value()).isEqualTo("94.2%");
    }

    @Test
    void whereLowerIsBetterALowerFigureIsBetterAndAHigherOneWorse() {
        Row row = row("stability_3plus_pct", "Children who had 3 or more placements in the year",
                percent(80, 1000), percent(90, 1000), records(10.0, 10), published(7.5));

        assertThat(row.text()).isEqualTo("Children who had 3 or more placements in the year: 8.0%, ▲ better than similar "
                + "councils (10.0%) but ▼ worse than England (7.5%); ↑ improving since last year (9.0%).");
    }

    @Test
    void aWorseFigureGettingWorseSaysSo() {
        Row row = row("reviews_on_time_pct", "Reviews held on time",
                percent(850, 1000), percent(900, 1000), records(91.0, 10), published(90.3));

        assertThat(row.text()).isEqualTo("Reviews held on time: 85.0%, ▼ worse than similar councils (91.0%) and England "
                + "(90.3%); ↓ getting worse since last year (90.0%).");
    }

    @Test
    void figuresTheSameToOneDecimalPlaceAreTheSame() {
        Row row = row("reviews_on_time_pct", "Reviews held on time",
                percent(9004, 10000), percent(9000, 10000), records(90.0, 10), published(95.0));

        assertThat(row.text()).isEqualTo("Reviews held on time: 90.0%, = the same as similar councils (90.0%) and ▼ worse "
                + "than England (95.0%); → no change since last year (90.0%).");
    }

    @Test
    void withoutAPolarityTheSentenceSaysHigherOrLowerWithNoJudgementOrSymbol() {
        Row row = row("cla_rate_10k", "Children looked after per 10,000 children",
                rate(653, 100_000), rate(620, 100_000), published(60.1), published(70.0));

        assertThat(row.text()).isEqualTo("Children looked after per 10,000 children: 65.3 per 10,000, higher than similar "
                + "councils (60.1 per 10,000) but lower than England (70.0 per 10,000); ↑ up since last year (62.0 per 10,000).");
        assertThat(row.text()).doesNotContain("better", "worse", "▲", "▼");
    }

    @Test
    void aSmallNumberIsNotShownAndSaysWhyWithoutAJudgement() {
        Row row = row("reviews_on_time_pct", "Reviews held on time",
                percent(3, 4), percent(900, 1000), records(91.0, 10), published(90.3));

        assertThat(row.text()).isEqualTo("Reviews held on time: not shown: fewer than 6 reviews; similar councils 91.0%, "
                + "England 90.3%.");
        assertThat(row.text()).doesNotContain("75", "▲", "▼", "improving");
        assertThat(row.own().text()).isEqualTo("[c]");
        assertThat(row.own().value()).isNull();
        assertThat(row.value()).isEqualTo("not shown: fewer than 6 reviews");
    }

    @Test
    void aFigureOfChildrenCountsChildren() {
        Row row = row("children_reviews_on_time_pct", "Children whose reviews were all on time",
                percent(5, 40), percent(30, 40), published(91.0), published(90.3));

        assertThat(row.text()).startsWith("Children whose reviews were all on time: not shown: fewer than 6 children;");
    }

    @Test
    void aFigureDfeWithheldSaysSo() {
        Row row = row("cla_rate_10k", "Children looked after per 10,000 children",
                figure("la", null, null, null, "suppressed", "published", null), rate(620, 100_000), published(60.1),
                published(70.0));

        assertThat(row.text()).startsWith("Children looked after per 10,000 children: not shown: withheld in DfE's publication;");
    }

    @Test
    void aMissingFigureIsNotAvailable() {
        Row row = row("disputes_resolved_20wd_pct", "Formal disputes resolved within 20 working days",
                figure("la", null, null, null, "not_available", "records", null), percent(30, 40), records(60.0, 10),
                figure("england", null, null, null, "not_available", "records", null));

        assertThat(row.text()).isEqualTo("Formal disputes resolved within 20 working days: not available; similar councils 60.0%.");
        assertThat(row.england()).isEqualTo("not available");
    }

    @Test
    void withoutLastYearsFigureThereIsNoDirection() {
        Row row = row("reviews_on_time_pct", "Reviews held on time", percent(942, 1000),
                figure("la", null, null, null, "not_available", "records", null), records(91.0, 10), published(90.3));

        assertThat(row.text()).endsWith("; no figure for last year to compare with.");
        assertThat(row.text()).doesNotContain("↑", "↓", "→");
    }

    @Test
    void lastYearsSmallNumberIsNotComparedWith() {
        Row row = row("reviews_on_time_pct", "Reviews held on time", percent(942, 1000), percent(2, 5), records(91.0, 10),
                published(90.3));

        assertThat(row.text()).endsWith("; last year's figure is not shown: fewer than 6 reviews.");
        assertThat(row.text()).doesNotContain("40.0");
    }

    @Test
    void aComparatorOverPartOfItsAuthoritiesSaysHowMany() {
        Row row = row("reviews_on_time_pct", "Reviews held on time", percent(942, 1000), percent(928, 1000),
                records(91.0, 3), records(90.3, 10));

        assertThat(row.text()).isEqualTo("Reviews held on time: 94.2%, ▲ better than similar councils (91.0%, based on 3 of 10) "
                + "and England (90.3%, based on 10 of 153); ↑ improving since last year (92.8%).");
        assertThat(row.similarCouncils()).isEqualTo("91.0%, based on 3 of 10");
    }

    @Test
    void aMissingComparatorIsSaidAfterTheOneThatCanBeCompared() {
        Row row = row("reviews_on_time_pct", "Reviews held on time", percent(942, 1000), percent(928, 1000),
                figure("sn_mean", null, null, null, "not_available", "records", null), published(95.0));

        assertThat(row.text()).isEqualTo("Reviews held on time: 94.2%, ▼ worse than England (95.0%); similar councils: "
                + "not available; ↑ improving since last year (92.8%).");
    }

    @Test
    void theCaseloadReadsAsChildrenPerIro() {
        Row row = row("iro_caseload", "Children per full-time independent reviewing officer",
                figure("la", 650.0, 10.0, 65.0, "ok", "records", null), figure("la", 600.0, 10.0, 60.0, "ok", "records", null),
                records(70.0, 10), records(65.0, 10));

        assertThat(row.text()).isEqualTo("Children per full-time independent reviewing officer: 65.0 per IRO, lower than "
                + "similar councils (70.0 per IRO) and the same as England (65.0 per IRO, based on 10 of 153); ↑ up since "
                + "last year (60.0 per IRO).");
    }

    @Test
    void englandsTotalOfACountIsGivenButNotComparedWith() {
        Row row = row("iro_fte", "Independent reviewing officers (full-time equivalent)",
                figure("la", 17.6, null, 17.6, "ok", "records", null), figure("la", 17.3, null, 17.3, "ok", "records", null),
                records(16.3, 2), figure("england", 112.0, null, 112.0, "ok", "records", 10));

        assertThat(row.text()).isEqualTo("Independent reviewing officers (full-time equivalent): 17.6 FTE, higher than similar "
                + "councils (16.3 FTE, based on 2 of 10); England in total 112.0 FTE, based on 10 of 153; ↑ up since last year "
                + "(17.3 FTE).");
    }

    // ------------------------------------------------------------------ figures

    private static Row row(String indicatorId, String label, Figure own, Figure previous, Figure sn, Figure england) {
        Indicator indicator = CATALOGUE.get(indicatorId);
        Figures figures = new Figures(withIndicator(own, indicatorId), withIndicator(previous, indicatorId),
                withIndicator(sn, indicatorId), 10, withIndicator(england, indicatorId), 153);
        return ScorecardSentences.row(new Scorecard.Item(indicatorId, label, null), indicator, figures, true);
    }

    private static Figure percent(double numerator, double denominator) {
        return figure("la", numerator, denominator, numerator / denominator * 100, "ok", "records", null);
    }

    private static Figure rate(double numerator, double denominator) {
        return figure("la", numerator, denominator, numerator / denominator * 10_000, "ok", "published", null);
    }

    /** A comparator computed from the loaded returns over {@code coverage} authorities (its numerator large). */
    private static Figure records(double value, int coverage) {
        return figure("sn_mean", 1000.0, 1000.0, value, "ok", "records", coverage);
    }

    private static Figure published(double value) {
        return figure("england", 100_000.0, 100_000.0, value, "ok", "published", null);
    }

    private static Figure figure(String areaType, Double numerator, Double denominator, Double value, String status,
                                 String source, Integer coverage) {
        return new Figure(areaType, "E10000024", "Nottinghamshire", "891", 2024, "?", source, numerator, denominator, value,
                status, null, "published".equals(source) ? "2024 release" : null, coverage, null, null, null, null);
    }

    private static Figure withIndicator(Figure f, String indicator) {
        return new Figure(f.areaType(), f.areaCode(), f.areaName(), f.laCode(), f.year(), indicator, f.source(), f.numerator(),
                f.denominator(), f.value(), f.status(), f.symbol(), f.release(), f.coverage(), f.excluded(), f.rank(),
                f.ranked(), f.quartileBand());
    }
}
