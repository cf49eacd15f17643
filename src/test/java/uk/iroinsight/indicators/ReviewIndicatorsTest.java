package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * indicators.md §3 (reviews) on hand-built returns of authority 891 (Nottinghamshire), loaded by
 * the real loader. Collection year 2024 runs 1 April 2023 to 31 March 2024. Each figure is
 * "numerator|denominator|value|status" and is worked out by hand in the comment above it.
 *
 * <p>The schedule: review 1 is due 20 working days after the period of care starts, review 2
 * three calendar months after review 1, each later review six calendar months after the one
 * before (clamped to month end), each counted from the date the previous review was held.
 * Working days skip weekends and the England and Wales bank holidays; those that matter here:
 * 2023 Fri 7 Apr, Mon 10 Apr (Easter), Mon 1 May, Mon 8 May (coronation), Mon 29 May;
 * 2024 Fri 29 Mar (Good Friday), Mon 1 Apr (Easter Monday).
 */
class ReviewIndicatorsTest extends HandWorkedReturns {

    private static final String LA = "891";

    /** mart_indicator.excluded of an LA-year's figure (units left out for unknown history). */
    private String excluded(int year, String indicator) {
        return fixture.single("""
                SELECT CAST(excluded AS VARCHAR) FROM mart_indicator
                WHERE area_type = 'la' AND source = 'records' AND la_code = '%s' AND year = %d AND indicator = '%s'"""
                .formatted(LA, year, indicator));
    }

    @Test
    void theFirstReviewIsDueOnTheTwentiethWorkingDayCountingPastTheEasterAndMayBankHolidays() {
        // A and B start to be looked after on Mon 03/04/2023. Twenty working days after it:
        // Tue-Thu 04-06/04 (3; Fri 07/04 and Mon 10/04 are Easter), 11-14/04 (7), 17-21/04 (12),
        // 24-28/04 (17), Tue-Thu 02-04/05 (20; Mon 01/05 is a bank holiday) -> review 1 due Thu
        // 04/05/2023. (Ignoring the three bank holidays it would have been Mon 01/05.)
        // A holds review 1 on Thu 04/05/2023, the 20th working day: on time.
        // B holds it on Fri 05/05/2023, the 21st: late.
        // reviews_held = 2; reviews_on_time_pct = 1 / 2 = 50%.
        fixture.header(LA, 2024, "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,")
                .episodes(LA, 2024,
                        "A,03/04/2023,S,C1,N1,U6,PR1,,,,,,1000001",
                        "B,03/04/2023,S,C1,N1,U6,PR1,,,,,,1000002")
                .reviews(LA, 2024,
                        "A,15/06/2012,04/05/2023,PN1",
                        "B,20/02/2011,05/05/2023,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("2|-|2|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("1|2|50|ok");
    }

    @Test
    void reviewTwoIsDueThreeMonthsAfterReviewOneAndLaterReviewsSixMonthsClampedToMonthEnd() {
        // A, B and C all start on Tue 02/05/2023: review 1 due 20 working days later, Thu
        // 01/06/2023 (03-05/05 = 3, 09-12/05 = 7 after the coronation holiday, 15-19 = 12,
        // 22-26 = 17, Tue-Thu 30/05-01/06 = 20 after the spring bank holiday). All hold it on
        // Wed 31/05/2023: on time. Review 2 is due 3 months after it, 31/08/2023.
        // A: review 2 on 31/08/2023 (on time); review 3 due 31/08 + 6 months = 29/02/2024
        //    (31 February does not exist; 2024 is a leap year); held 29/02/2024: on time.
        //    Next due 29/08/2024: not overdue. Every review on time.
        // B: as A, but review 3 held Fri 01/03/2024: one day after 29/02, late.
        // C: review 2 on 01/09/2023: late (due 3 months after review 1, not 6); review 3 due
        //    01/09/2023 + 6 months = 01/03/2024, held then: on time.
        // reviews_held = 9; on time: A 3 + B 2 + C 2 = 7 -> 7 / 9 = 77.7778%.
        // children_reviews_on_time_pct: all three in care at 31/03 for over 20 working days;
        // only A has every review due in the year on time -> 1 / 3 = 33.3333%. None overdue.
        fixture.header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,", "C,1,03/09/2013,BAFR,UPN-C,,")
                .episodes(LA, 2024,
                        "A,02/05/2023,S,C1,N1,U6,PR1,,,,,,1000001",
                        "B,02/05/2023,S,C1,N1,U6,PR1,,,,,,1000002",
                        "C,02/05/2023,S,C1,N1,U6,PR1,,,,,,1000003")
                .reviews(LA, 2024,
                        "A,15/06/2012,31/05/2023,PN1", "A,15/06/2012,31/08/2023,PN1", "A,15/06/2012,29/02/2024,PN1",
                        "B,20/02/2011,31/05/2023,PN1", "B,20/02/2011,31/08/2023,PN1", "B,20/02/2011,01/03/2024,PN1",
                        "C,03/09/2013,31/05/2023,PN1", "C,03/09/2013,01/09/2023,PN1", "C,03/09/2013,01/03/2024,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("9|-|9|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("7|9|77.7778|ok");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|3|33.3333|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_overdue_31mar")).isEqualTo("0|-|0|ok");
    }

    @Test
    void aReviewHeldEarlyResetsTheScheduleFromTheDateItWasHeld() {
        // A and B start on Thu 01/06/2023: review 1 due Thu 29/06/2023 (02/06 = 1, 05-09 = 6,
        // 12-16 = 11, 19-23 = 16, 26-29 = 20). Both hold it early, on 15/06/2023: on time.
        // The schedule resets: review 2 is due 15/06 + 3 months = 15/09/2023 (not 29/09/2023,
        // 3 months after the original due date).
        // A: review 2 on 15/09/2023, on time; review 3 due 15/03/2024, held 14/03/2024: on time.
        // B: review 2 on 20/09/2023: late (it would have been on time had the schedule run from
        //    29/06); review 3 due 20/09/2023 + 6 months = 20/03/2024, held then: on time.
        // reviews_on_time_pct = (3 + 2) / 6 = 83.3333%; children_reviews_on_time_pct = A only,
        // 1 / 2 = 50% (next due 14/09/2024 and 20/09/2024: neither overdue).
        fixture.header(LA, 2024, "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,")
                .episodes(LA, 2024,
                        "A,01/06/2023,S,V2,N4,U6,PR1,,,,,,1000001",
                        "B,01/06/2023,S,V2,N4,U6,PR1,,,,,,1000002")
                .reviews(LA, 2024,
                        "A,15/06/2012,15/06/2023,PN1", "A,15/06/2012,15/09/2023,PN2", "A,15/06/2012,14/03/2024,PN1",
                        "B,20/02/2011,15/06/2023,PN1", "B,20/02/2011,20/09/2023,PN2", "B,20/02/2011,20/03/2024,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("5|6|83.3333|ok");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|2|50|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_overdue_31mar")).isEqualTo("0|-|0|ok");
    }

    @Test
    void aMissedReviewCountsAsLateAndAChildWithNoReviewPastItsDueDateIsOverdue() {
        // A starts Thu 01/06/2023; review 1 due Thu 29/06/2023, held 29/06: on time. Review 2,
        //   due 29/09/2023, is missed: no row. The next review held, 10/12/2023, carries the
        //   missed due date 29/09/2023 -> late. (Next due 10/06/2024: not overdue.) A fails.
        // B starts Tue 02/01/2024; review 1 due 20 working days later, Tue 30/01/2024 (Mon 01/01
        //   was the holiday before the start: 03-05/01 = 3, 08-12 = 8, 15-19 = 13, 22-26 = 18,
        //   29-30 = 20). None held by 31/03/2024: overdue, and B fails though it has no late row.
        // C starts Thu 01/06/2023: review 1 on 29/06/2023 (due 29/06), review 2 on 29/09/2023
        //   (due 29/09), review 3 on 28/03/2024 (due 29/03/2024): all on time, next due
        //   28/09/2024. C passes.
        // reviews_held = A 2 + C 3 = 5, on time 4 -> 80%.
        // children_reviews_on_time_pct: A, B, C (each looked after 20+ working days) -> C only,
        // 1 / 3 = 33.3333%. reviews_overdue_31mar = B = 1.
        fixture.header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,", "C,1,03/09/2013,BAFR,UPN-C,,")
                .episodes(LA, 2024,
                        "A,01/06/2023,S,C1,N1,U6,PR1,,,,,,1000001",
                        "B,02/01/2024,S,C1,N1,U6,PR1,,,,,,1000002",
                        "C,01/06/2023,S,C1,N1,U6,PR1,,,,,,1000003")
                .reviews(LA, 2024,
                        "A,15/06/2012,29/06/2023,PN1", "A,15/06/2012,10/12/2023,PN1",
                        "C,03/09/2013,29/06/2023,PN1", "C,03/09/2013,29/09/2023,PN1", "C,03/09/2013,28/03/2024,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("5|-|5|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("4|5|80|ok");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|3|33.3333|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_overdue_31mar")).isEqualTo("1|-|1|ok");
    }

    @Test
    void aChildLookedAfterFewerThanTwentyWorkingDaysAt31MarchIsLeftOutOfChildrenReviewsOnTime() {
        // E starts Thu 29/02/2024: by 31/03/2024 (a Sunday) 20 working days have passed (01/03 = 1,
        //   04-08 = 6, 11-15 = 11, 18-22 = 16, 25-28 = 20; Fri 29/03 is Good Friday), so review 1
        //   was due Thu 28/03/2024. None held: E is in the denominator, overdue, and fails.
        // F starts Mon 11/03/2024: only 13 working days after it by 31/03 (12-15 = 4, 18-22 = 9,
        //   25-28 = 13); review 1 is not due until Wed 10/04/2024. F is left out of the measure
        //   altogether (neither counted nor noted as excluded) and is not overdue.
        // G has been looked after since 01/06/2023: reviews 29/06/2023, 29/09/2023, 28/03/2024
        //   all on time (as C in the test above). G passes.
        // children_reviews_on_time_pct = G / (E, G) = 1 / 2 = 50%, nobody excluded;
        // reviews_overdue_31mar = E = 1.
        fixture.header(LA, 2024,
                        "E,1,15/06/2012,WBRI,UPN-E,,", "F,2,20/02/2011,WBRI,UPN-F,,", "G,1,03/09/2013,BAFR,UPN-G,,")
                .episodes(LA, 2024,
                        "E,29/02/2024,S,V2,N4,U6,PR1,,,,,,1000001",
                        "F,11/03/2024,S,V2,N4,U6,PR1,,,,,,1000002",
                        "G,01/06/2023,S,C1,N1,U6,PR1,,,,,,1000003")
                .reviews(LA, 2024,
                        "G,03/09/2013,29/06/2023,PN1", "G,03/09/2013,29/09/2023,PN1", "G,03/09/2013,28/03/2024,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "cla_31mar")).isEqualTo("3|-|3|ok");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|2|50|ok");
        assertThat(excluded(2024, "children_reviews_on_time_pct")).isEqualTo("0");
        assertThat(fixture.figure(LA, 2024, "reviews_overdue_31mar")).isEqualTo("1|-|1|ok");
    }

    @Test
    void aPeriodThatBeganBeforeTheLoadedHistoryHasAnUnknownFirstDueDateAndIsNoted() {
        // Only the 2024 return is loaded: what is known begins 01/04/2023. H, I and K have been
        // looked after since 01/06/2021.
        // H: reviews 10/05/2023 (first loaded: due date unknown, left out of the on-time test)
        //    and 01/11/2023 (due 10/05 + 6 months = 10/11/2023: on time). Next due 01/05/2024.
        // I: reviews 10/05/2023 (unknown) and 15/11/2023 (due 10/11/2023: late).
        // K: no review in the year: its schedule cannot be established at all.
        // reviews_held = 4. reviews_on_time_pct = 1 / 2 = 50%, 2 reviews excluded: the
        //   data-quality note says 2 of 4 left out.
        // children_reviews_on_time_pct: H passes, I fails, K excluded -> 1 / 2 = 50%, 1 of 3
        //   left out. reviews_overdue_31mar: H, I not overdue; K cannot be told -> 0, 1 excluded.
        fixture.header(LA, 2024,
                        "H,1,15/06/2012,WBRI,UPN-H,,", "I,2,20/02/2011,WBRI,UPN-I,,", "K,1,03/09/2013,BAFR,UPN-K,,")
                .episodes(LA, 2024,
                        "H,01/06/2021,S,C2,N1,U4,PR1,,,,,,1000001",
                        "I,01/06/2021,S,C2,N1,U4,PR1,,,,,,1000002",
                        "K,01/06/2021,S,C2,N1,U4,PR1,,,,,,1000003")
                .reviews(LA, 2024,
                        "H,15/06/2012,10/05/2023,PN1", "H,15/06/2012,01/11/2023,PN1",
                        "I,20/02/2011,10/05/2023,PN1", "I,20/02/2011,15/11/2023,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("4|-|4|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("1|2|50|ok");
        assertThat(excluded(2024, "reviews_on_time_pct")).isEqualTo("2");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|2|50|ok");
        assertThat(excluded(2024, "children_reviews_on_time_pct")).isEqualTo("1");
        assertThat(fixture.figure(LA, 2024, "reviews_overdue_31mar")).isEqualTo("0|-|0|ok");
        assertThat(excluded(2024, "reviews_overdue_31mar")).isEqualTo("1");
        assertThat(fixture.rows("""
                SELECT indicator || '|' || count || '|' || of_total FROM mart_dq_note
                WHERE la_code = '891' AND year = 2024 AND note = 'excluded' ORDER BY indicator"""))
                .containsExactly("children_reviews_on_time_pct|1|3", "reviews_on_time_pct|2|4", "reviews_overdue_31mar|1|3");
        assertThat(fixture.single("""
                SELECT message FROM mart_dq_note
                WHERE la_code = '891' AND year = 2024 AND note = 'excluded' AND indicator = 'reviews_on_time_pct'"""))
                .startsWith("2 of 4 left out").endsWith("Based on 50%.");
    }

    @Test
    void reviewsHeldCountsOnlyTheRowsDatedInTheYearAndTheScheduleRunsAcrossReturns() {
        // Returns 2023 and 2024 are loaded: history known from 01/04/2022.
        // L starts Wed 01/02/2023; review 1 due 20 working days later, Wed 01/03/2023, held then
        //   (2023 return: on time). The 2024 return has review 2 on 01/06/2023 (due 01/03 + 3
        //   months = 01/06/2023) and review 3 on 01/12/2023 (due 01/12/2023): both on time, both
        //   due dates known only because the 2023 review is loaded.
        // M starts Mon 03/04/2023, review 1 on 02/05/2023 (due Thu 04/05/2023: on time), ceases
        //   E4A 30/06/2023: its review is held in 2024 although M is not in care at 31 March.
        // reviews_held: 2023 = 1 (L), 2024 = 3 (L 2 + M 1), never the other year's rows.
        // reviews_on_time_pct: 2023 = 1 / 1, 2024 = 3 / 3 = 100%.
        // children_reviews_on_time_pct 2024: L only (M left care) = 1 / 1; L's next review is due
        //   01/06/2024. 2023: L (41 working days in care at 31/03/2023), next due 01/06/2023 = 1 / 1.
        fixture.header(LA, 2023, "L,1,15/06/2012,WBRI,UPN-L,,")
                .episodes(LA, 2023, "L,01/02/2023,S,C1,N1,U6,PR1,,,,,,1000001")
                .reviews(LA, 2023, "L,15/06/2012,01/03/2023,PN1")
                .header(LA, 2024, "L,1,15/06/2012,WBRI,UPN-L,,", "M,2,20/02/2011,WBRI,UPN-M,,")
                .episodes(LA, 2024,
                        "L,01/02/2023,S,C1,N1,U6,PR1,,,,,,1000001",
                        "M,03/04/2023,S,V2,N4,U6,PR1,30/06/2023,E4A,,,,1000002")
                .reviews(LA, 2024,
                        "L,15/06/2012,01/06/2023,PN1", "L,15/06/2012,01/12/2023,PN5",
                        "M,20/02/2011,02/05/2023,PN7")
                .load();

        assertThat(fixture.figure(LA, 2023, "reviews_held")).isEqualTo("1|-|1|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("3|-|3|ok");
        assertThat(fixture.figure(LA, 2023, "reviews_on_time_pct")).isEqualTo("1|1|100|ok");
        assertThat(fixture.figure(LA, 2024, "reviews_on_time_pct")).isEqualTo("3|3|100|ok");
        assertThat(excluded(2024, "reviews_on_time_pct")).isEqualTo("0");
        assertThat(fixture.figure(LA, 2023, "children_reviews_on_time_pct")).isEqualTo("1|1|100|ok");
        assertThat(fixture.figure(LA, 2024, "children_reviews_on_time_pct")).isEqualTo("1|1|100|ok");
    }
}
