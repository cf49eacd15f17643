package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * indicators.md §7 (comparators) on hand-built returns of four East Midlands authorities
 * (region E12000004) for collection year 2024 (1 April 2023 to 31 March 2024), loaded by the
 * real loader:
 * <pre>
 *   891 Nottinghamshire E10000024  population 0-17 (mid-2023) 169,377
 *   892 Nottingham      E06000018                              67,715
 *   830 Derbyshire      E10000007                             154,974
 *   855 Leicestershire  E10000018                             145,610   (together 537,676)
 * </pre>
 * Statistical neighbours (etl/reference/statistical_neighbours.csv): in CSSNBT 2025 (default)
 * Nottinghamshire's ten are 830 Derbyshire (1), 935, 933, 886, 926, 937, 855 Leicestershire (7),
 * 802, 860, 888 - two of them loaded; in CSSNBT 2021 they are 830 Derbyshire (1), 860, 888, 885,
 * 925, 940, 909, 881, 886, 896 - only Derbyshire loaded. Derbyshire's 2025 neighbours include
 * 891 (rank 1), Leicestershire's include 891 (rank 10); Nottingham's include none of the four.
 *
 * <p>The children (all looked after at 31 March 2024, every period starting with RNE S):
 * <pre>
 *   891 A  S 03/07/2023, moves 01/09/2023 and 01/11/2023 -> 3 placements; reviews 28/07/2023
 *          (review 1 due 31/07/2023: on time), 27/10/2023 (review 2 due 28/07 + 3 months =
 *          28/10/2023: on time)
 *       B  S 03/07/2023, one placement; review 31/07/2023 (due 31/07/2023: on time, "on or before")
 *   892 C  S 11/03/2024, one placement; no review held yet (review 1 due in April 2024)
 *   830 D  S 03/07/2023, one placement; reviews 07/08/2023 (due 31/07/2023: late), 06/11/2023
 *          (due 07/08 + 3 months = 07/11/2023: on time)
 *   855 E  S 03/07/2023, moves 01/09/2023 and 01/11/2023 -> 3 placements; review 01/08/2023 (late)
 * </pre>
 * Review 1 of a period starting Monday 3 July 2023 is due 20 working days later: July 2023 has
 * no bank holiday, so 4 + 5 + 5 + 5 working days take us to Friday 28 July (19) and the 20th is
 * Monday 31 July.
 *
 * <p>So, per authority (numerator/denominator):
 * <pre>
 *                          891        892          830        855       pooled      mean of LA values
 *   cla_31mar              2          1            1          1         5 (sum)
 *   stability_3plus_pct    1/2 = 50   0/1 = 0      0/1 = 0    1/1 = 100 2/5 = 40    37.5
 *   reviews_held           3          0            2          1         6 (sum)
 *   reviews_on_time_pct    3/3 = 100  0/0 = n/a    1/2 = 50   0/1 = 0   4/6 = 66.67 50 (of 3)
 * </pre>
 */
class ComparatorsTest {

    private static final int YEAR = 2024;
    private static final String REGION = "E12000004";
    private static final String ENGLAND = "E92000001";
    private static final String NOTTS = "891";
    private static final String NOTTINGHAM = "892";
    private static final String DERBYSHIRE = "830";
    private static final String LEICS = "855";

    @TempDir
    Path folder;

    private MartFixture fixture;

    @BeforeEach
    void loadFourEastMidlandsAuthorities() {
        fixture = MartFixture.in(folder)
                .header(NOTTS, YEAR, "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2012,WBRI,UPN-B,,")
                .episodes(NOTTS, YEAR,
                        "A,03/07/2023,S,C2,N1,U4,PR1,01/09/2023,X1,CARPL,,,1000001",
                        "A,01/09/2023,P,C2,N1,U4,PR1,01/11/2023,X1,CARPL,,,1000011",
                        "A,01/11/2023,P,C2,N1,U4,PR1,,,,,,1000021",
                        "B,03/07/2023,S,C2,N1,U4,PR1,,,,,,1000002")
                .reviews(NOTTS, YEAR, "A,15/06/2012,28/07/2023,PN1", "A,15/06/2012,27/10/2023,PN1",
                        "B,20/02/2012,31/07/2023,PN1")
                .header(NOTTINGHAM, YEAR, "C,1,01/01/2013,WBRI,UPN-C,,")
                .episodes(NOTTINGHAM, YEAR, "C,11/03/2024,S,C2,N1,U4,PR1,,,,,,1000003")
                .reviews(NOTTINGHAM, YEAR)
                .header(DERBYSHIRE, YEAR, "D,2,05/05/2012,WBRI,UPN-D,,")
                .episodes(DERBYSHIRE, YEAR, "D,03/07/2023,S,C2,N1,U4,PR1,,,,,,1000004")
                .reviews(DERBYSHIRE, YEAR, "D,05/05/2012,07/08/2023,PN1", "D,05/05/2012,06/11/2023,PN1")
                .header(LEICS, YEAR, "E,1,01/03/2012,WBRI,UPN-E,,")
                .episodes(LEICS, YEAR,
                        "E,03/07/2023,S,C2,N1,U4,PR1,01/09/2023,X1,CARPL,,,1000005",
                        "E,01/09/2023,P,C2,N1,U4,PR1,01/11/2023,X1,CARPL,,,1000015",
                        "E,01/11/2023,P,C2,N1,U4,PR1,,,,,,1000025")
                .reviews(LEICS, YEAR, "E,01/03/2012,01/08/2023,PN1")
                .load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFixtureGivesTheHandWorkedAuthorityFigures() {
        assertThat(fixture.figure(NOTTS, YEAR, "stability_3plus_pct")).isEqualTo("1|2|50|ok");
        assertThat(fixture.figure(NOTTINGHAM, YEAR, "stability_3plus_pct")).isEqualTo("0|1|0|ok");
        assertThat(fixture.figure(DERBYSHIRE, YEAR, "stability_3plus_pct")).isEqualTo("0|1|0|ok");
        assertThat(fixture.figure(LEICS, YEAR, "stability_3plus_pct")).isEqualTo("1|1|100|ok");
        assertThat(fixture.figure(NOTTS, YEAR, "reviews_on_time_pct")).isEqualTo("3|3|100|ok");
        assertThat(fixture.figure(NOTTINGHAM, YEAR, "reviews_on_time_pct")).isEqualTo("0|0|-|not_available");
        assertThat(fixture.figure(DERBYSHIRE, YEAR, "reviews_on_time_pct")).isEqualTo("1|2|50|ok");
        assertThat(fixture.figure(LEICS, YEAR, "reviews_on_time_pct")).isEqualTo("0|1|0|ok");
    }

    @Test
    void regionAndEnglandPoolNumeratorsAndDenominatorsNeverAveragingRates() {
        // stability_3plus_pct: (1 + 0 + 0 + 1) / (2 + 1 + 1 + 1) = 2/5 = 40%, over 4 authorities.
        // The mean of the four rates would be (50 + 0 + 0 + 100) / 4 = 37.5%.
        assertThat(comparator("region", REGION, "stability_3plus_pct")).isEqualTo("2|5|40|ok|4");
        // reviews_on_time_pct: Nottingham has no value (no review held), so 3 authorities are
        // covered: (3 + 1 + 0) / (3 + 2 + 1) = 4/6 = 66.6667%; the mean of rates would be
        // (100 + 50 + 0) / 3 = 50%.
        assertThat(comparator("region", REGION, "reviews_on_time_pct")).isEqualTo("4|6|66.6667|ok|3");
        // cla_rate_10k: (2 + 1 + 1 + 1) / 537,676 x 10,000 = 0.0929928 (the mean of the four
        // rates 0.1181, 0.1477, 0.0645, 0.0687 would be 0.0997).
        assertThat(comparator("region", REGION, "cla_rate_10k")).isEqualTo("5|537676|0.093|ok|4");
        // All four are in the East Midlands, so England (source records) is the same pool.
        assertThat(comparator("england", ENGLAND, "stability_3plus_pct")).isEqualTo("2|5|40|ok|4");
        assertThat(comparator("england", ENGLAND, "reviews_on_time_pct")).isEqualTo("4|6|66.6667|ok|3");
        assertThat(comparator("england", ENGLAND, "cla_rate_10k")).isEqualTo("5|537676|0.093|ok|4");
        // No region row for a region none of whose authorities is loaded.
        assertThat(fixture.rows("SELECT DISTINCT area_code FROM mart_indicator WHERE area_type = 'region' AND source = 'records'"))
                .containsExactly(REGION);
    }

    @Test
    void aCountComparatorIsTheSum() {
        // cla_31mar 2 + 1 + 1 + 1 = 5; reviews_held 3 + 0 + 2 + 1 = 6 (Nottingham's 0 is a value).
        assertThat(comparator("region", REGION, "cla_31mar")).isEqualTo("5|-|5|ok|4");
        assertThat(comparator("england", ENGLAND, "cla_31mar")).isEqualTo("5|-|5|ok|4");
        assertThat(comparator("region", REGION, "reviews_held")).isEqualTo("6|-|6|ok|4");
    }

    @Test
    void publishedRegionalAndNationalRowsAreDfesOwnFiguresNotOurPool() {
        // EES 2025 file, 2024: East Midlands 6,570 children at 31 March (rate 64), England 83,530.
        assertThat(comparator("region", REGION, "cla_31mar", "published")).isEqualTo("6570|-|6570|ok|-");
        assertThat(comparator("england", ENGLAND, "cla_31mar", "published")).isEqualTo("83530|-|83530|ok|-");
        assertThat(fixture.figure("region", REGION, YEAR, "cla_rate_10k", "published")).isEqualTo("6570|1020124|64|ok");
    }

    @Test
    void snMeanIsTheSimpleMeanOfTheNeighboursWithAValueBasedOnNOf10() {
        // Nottinghamshire (CSSNBT 2025): of its ten neighbours only Derbyshire and Leicestershire
        // have a value. stability_3plus_pct: (0 + 100) / 2 = 50, based on 2 of 10.
        assertThat(comparator("sn_mean", "E10000024", "stability_3plus_pct")).isEqualTo("-|-|50|ok|2");
        // reviews_on_time_pct: (50 + 0) / 2 = 25 - the mean of the values, not the pooled
        // (1 + 0) / (2 + 1) = 33.3.
        assertThat(comparator("sn_mean", "E10000024", "reviews_on_time_pct")).isEqualTo("-|-|25|ok|2");
        // Derbyshire's and Leicestershire's neighbours include only Nottinghamshire: 1 of 10.
        assertThat(comparator("sn_mean", "E10000007", "stability_3plus_pct")).isEqualTo("-|-|50|ok|1");
        assertThat(comparator("sn_mean", "E10000018", "reviews_on_time_pct")).isEqualTo("-|-|100|ok|1");
        // Nottingham's ten neighbours (Birmingham, Manchester, ...) have no records: no row.
        assertThat(fixture.rows("SELECT count(*) FROM mart_indicator WHERE area_type = 'sn_mean' AND source = 'records'"
                + " AND area_code = 'E06000018'")).containsExactly("0");
        // Any authority with loaded neighbours gets one, loaded or not: Staffordshire (860,
        // E10000028) has Derbyshire (6) and Nottinghamshire (8) among its 2025 neighbours:
        // stability (0 + 50) / 2 = 25.
        assertThat(comparator("sn_mean", "E10000028", "stability_3plus_pct")).isEqualTo("-|-|25|ok|2");
    }

    @Test
    void rankOneIsBestByPolarityTiesShareARankAndBandsRunAToD() {
        // stability_3plus_pct is lower-better: 0 (892), 0 (830), 50 (891), 100 (855) -> ranks
        // 1, 1, 3, 4 of 4. Band by (rank - 1) / ranked: 0 -> A, 0 -> A, 0.5 -> C, 0.75 -> D.
        assertThat(ranks("stability_3plus_pct")).containsExactly(
                "830 1/4 A", "855 4/4 D", "891 3/4 C", "892 1/4 A");
        // reviews_on_time_pct is higher-better: 100 (891), 50 (830), 0 (855); Nottingham has no
        // value and no rank. (rank - 1) / 3: 0 -> A, 0.33 -> B, 0.67 -> C.
        assertThat(ranks("reviews_on_time_pct")).containsExactly(
                "830 2/3 B", "855 3/3 C", "891 1/3 A", "892 -/- -");
        // cla_rate_10k has no polarity: never ranked, whatever the values.
        assertThat(ranks("cla_rate_10k")).containsExactly("830 -/- -", "855 -/- -", "891 -/- -", "892 -/- -");
        // Comparator rows are not ranked.
        assertThat(fixture.rows("SELECT count(*) FROM mart_indicator WHERE area_type <> 'la' AND rank IS NOT NULL"))
                .containsExactly("0");
    }

    @Test
    void theSnModelFlagChangesTheNeighboursAndMartBuildRecordsTheFlags() {
        assertThat(fixture.rows("SELECT count_same_carer_moves || '|' || pn4_counts_as_participation || '|' || sn_model FROM mart_build"))
                .containsExactly("false|false|CSSNBT_2025");

        fixture.rebuildWith(new IndicatorFlags(false, false, "CSSNBT_2021"));

        assertThat(fixture.rows("SELECT count_same_carer_moves || '|' || pn4_counts_as_participation || '|' || sn_model FROM mart_build"))
                .containsExactly("false|false|CSSNBT_2021");
        // Nottinghamshire's 2021 neighbours: only Derbyshire is loaded (Leicestershire is not
        // one of them): stability 0, based on 1 of 10; reviews 50, 1 of 10.
        assertThat(comparator("sn_mean", "E10000024", "stability_3plus_pct")).isEqualTo("-|-|0|ok|1");
        assertThat(comparator("sn_mean", "E10000024", "reviews_on_time_pct")).isEqualTo("-|-|50|ok|1");
        // Leicestershire's 2021 neighbours include none of the four: no row now.
        assertThat(fixture.rows("SELECT count(*) FROM mart_indicator WHERE area_type = 'sn_mean' AND source = 'records'"
                + " AND area_code = 'E10000018'")).containsExactly("0");
        // Regions, England and ranks do not depend on the model.
        assertThat(comparator("region", REGION, "stability_3plus_pct")).isEqualTo("2|5|40|ok|4");
        assertThat(ranks("stability_3plus_pct")).containsExactly("830 1/4 A", "855 4/4 D", "891 3/4 C", "892 1/4 A");

        fixture.rebuildWith(IndicatorFlags.defaults());
        assertThat(comparator("sn_mean", "E10000024", "stability_3plus_pct")).isEqualTo("-|-|50|ok|2");
        assertThat(fixture.rows("SELECT sn_model FROM mart_build")).containsExactly("CSSNBT_2025");
    }

    // ------------------------------------------------------------------ helpers

    /** A records comparator row: "numerator|denominator|value|status|coverage". */
    private String comparator(String areaType, String areaCode, String indicator) {
        return comparator(areaType, areaCode, indicator, "records");
    }

    private String comparator(String areaType, String areaCode, String indicator, String source) {
        return fixture.figure(areaType, areaCode, YEAR, indicator, source) + "|" + fixture.single("""
                SELECT coalesce(CAST(coverage AS VARCHAR), '-') FROM mart_indicator
                WHERE area_type = '%s' AND area_code = '%s' AND year = %d AND indicator = '%s' AND source = '%s'"""
                .formatted(areaType, areaCode, YEAR, indicator, source));
    }

    /** The records la rows of an indicator: "la_code rank/ranked band", by la_code. */
    private List<String> ranks(String indicator) {
        return fixture.rows("""
                SELECT la_code || ' ' || coalesce(CAST(rank AS VARCHAR), '-') || '/' || coalesce(CAST(ranked AS VARCHAR), '-')
                       || ' ' || coalesce(quartile_band, '-')
                FROM mart_indicator
                WHERE area_type = 'la' AND source = 'records' AND year = %d AND indicator = '%s'
                ORDER BY la_code""".formatted(YEAR, indicator));
    }
}
