package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * indicators.md §4 (participation), §5 (disputes) and §6 (IRO workforce) on hand-built returns
 * and IRO logs of authority 891 (Nottinghamshire), loaded by the real loader. Collection year
 * 2024 runs 1 April 2023 to 31 March 2024. Each figure is "numerator|denominator|value|status"
 * and is worked out by hand in the comment above it.
 */
class ParticipationDisputeAndWorkforceIndicatorsTest extends HandWorkedReturns {

    private static final String LA = "891";

    private static final List<String> DISPUTE_INDICATORS = List.of("disputes_raised", "disputes_per_100_cla",
            "disputes_formal_pct", "disputes_stage3plus_pct", "disputes_resolved_20wd_pct", "disputes_median_wd",
            "disputes_open_31mar", "cafcass_referrals", "good_practice_alerts");

    // ---------------------------------------------------------------- §4 participation

    /**
     * Ten reviews in 2024, all five children looked after since 01/01/2022:
     * A (born 10/01/2021, aged 2 at its reviews, 3 at 31 March): PN0, PN0 - under 4.
     * B (aged 10-11): PN1, PN2.  C (12): PN3, PN4.  D (13-14): PN5, PN6.  E (15): PN7, PN1.
     */
    private void tenReviewsOfFiveChildren() {
        fixture.header(LA, 2024,
                        "A,2,10/01/2021,WBRI,UN1,,", "B,1,15/06/2012,WBRI,UPN-B,,", "C,2,20/02/2011,MWBC,UPN-C,,",
                        "D,1,03/09/2009,BAFR,UPN-D,,", "E,2,05/05/2008,WBRI,UPN-E,,")
                .episodes(LA, 2024,
                        "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001",
                        "B,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000002",
                        "C,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000003",
                        "D,01/01/2022,S,C2,N1,K2,PR4,,,,,,1000004",
                        "E,01/01/2022,S,C2,N1,K2,PR4,,,,,,1000005")
                .reviews(LA, 2024,
                        "A,10/01/2021,01/06/2023,PN0", "A,10/01/2021,01/12/2023,PN0",
                        "B,15/06/2012,01/06/2023,PN1", "B,15/06/2012,01/12/2023,PN2",
                        "C,20/02/2011,01/06/2023,PN3", "C,20/02/2011,01/12/2023,PN4",
                        "D,03/09/2009,01/06/2023,PN5", "D,03/09/2009,01/12/2023,PN6",
                        "E,05/05/2008,01/06/2023,PN7", "E,05/05/2008,01/12/2023,PN1");
    }

    @Test
    void participationAttendanceAndThePnMixAreCountedOverTheReviewsOfTheYear() {
        // Reviews coded PN1-PN7 (children aged 4+): 8. Views conveyed (PN1, PN2, PN3, PN5, PN6):
        // B 2, C 1 (PN3; PN4 is not), D 2, E 1 (PN1; PN7 is not) = 6 -> participation 6 / 8 = 75%.
        // Attended (PN1-PN4): B 2, C 2, E 1 (PN1) = 5 -> attendance 5 / 8 = 62.5%.
        // PN mix over all 10 reviews: PN0 2 = 20%, PN1 2 = 20%, PN2..PN7 1 each = 10%; the eight
        // shares add up to 100%.
        // children_participated_all_pct: CLA at 31 March aged 4+ with a review: B, C, D, E (A is
        // 3). Views conveyed at every review: B and D -> 2 / 4 = 50%.
        tenReviewsOfFiveChildren();
        fixture.load();

        assertThat(fixture.figure(LA, 2024, "participation_pct")).isEqualTo("6|8|75|ok");
        assertThat(fixture.figure(LA, 2024, "attendance_pct")).isEqualTo("5|8|62.5|ok");
        assertThat(fixture.figure(LA, 2024, "children_participated_all_pct")).isEqualTo("2|4|50|ok");
        assertThat(fixture.figure(LA, 2024, "pn0_share")).isEqualTo("2|10|20|ok");
        assertThat(fixture.figure(LA, 2024, "pn1_share")).isEqualTo("2|10|20|ok");
        for (String code : List.of("pn2", "pn3", "pn4", "pn5", "pn6", "pn7")) {
            assertThat(fixture.figure(LA, 2024, code + "_share")).as(code).isEqualTo("1|10|10|ok");
        }
        assertThat(fixture.single("""
                SELECT CAST(sum(value) AS VARCHAR) FROM mart_indicator
                WHERE area_type = 'la' AND source = 'records' AND la_code = '891' AND year = 2024
                  AND indicator LIKE 'pn__share'""")).isEqualTo("100.0");
    }

    @Test
    void pn4CountsAsParticipationOnlyWhenTheFlagSaysSo() {
        // Default (pn4_counts_as_participation = false): as above, 6 / 8 = 75% and 2 / 4 = 50%.
        // Rebuilt with the flag on, C's PN4 review conveys views too: participation 7 / 8 =
        // 87.5%, and C joins B and D in having views conveyed at every review: 3 / 4 = 75%.
        // Attendance and the PN mix do not depend on the flag.
        tenReviewsOfFiveChildren();
        fixture.load();
        assertThat(fixture.figure(LA, 2024, "participation_pct")).isEqualTo("6|8|75|ok");
        assertThat(fixture.figure(LA, 2024, "children_participated_all_pct")).isEqualTo("2|4|50|ok");

        fixture.rebuildWith(new IndicatorFlags(false, true, "CSSNBT_2025"));

        assertThat(fixture.figure(LA, 2024, "participation_pct")).isEqualTo("7|8|87.5|ok");
        assertThat(fixture.figure(LA, 2024, "children_participated_all_pct")).isEqualTo("3|4|75|ok");
        assertThat(fixture.figure(LA, 2024, "attendance_pct")).isEqualTo("5|8|62.5|ok");
        assertThat(fixture.figure(LA, 2024, "pn4_share")).isEqualTo("1|10|10|ok");
    }

    @Test
    void aReviewTheDayBeforeTheFourthBirthdayIsPn0AndOneOnTheBirthdayTakesAPnCode() {
        // F and G were both born 15/10/2019 and looked after since 01/01/2023.
        // F's review on 14/10/2023: aged 3 years 364 days -> must be PN0 (and loads cleanly).
        // G's review on 15/10/2023, the fourth birthday: aged exactly 4 -> a PN1-PN7 code (PN1).
        // pn0_share = 1 / 2 = 50%; pn1_share = 50%. participation_pct counts G's review only
        // (PN1-PN7): 1 / 1 = 100%, attendance 1 / 1.
        // children_participated_all_pct: both are 4 at 31/03/2024 and had a review. Taken
        // literally, F's only review (PN0) did not convey views, so F counts and does not pass:
        // G only, 1 / 2 = 50%.
        fixture.header(LA, 2024, "F,1,15/10/2019,WBRI,UN1,,", "G,2,15/10/2019,WBRI,UN1,,")
                .episodes(LA, 2024,
                        "F,01/01/2023,S,C2,N1,U4,PR1,,,,,,1000001",
                        "G,01/01/2023,S,C2,N1,U4,PR1,,,,,,1000002")
                .reviews(LA, 2024, "F,15/10/2019,14/10/2023,PN0", "G,15/10/2019,15/10/2023,PN1")
                .load();

        assertThat(fixture.figure(LA, 2024, "reviews_held")).isEqualTo("2|-|2|ok");
        assertThat(fixture.figure(LA, 2024, "pn0_share")).isEqualTo("1|2|50|ok");
        assertThat(fixture.figure(LA, 2024, "pn1_share")).isEqualTo("1|2|50|ok");
        assertThat(fixture.figure(LA, 2024, "participation_pct")).isEqualTo("1|1|100|ok");
        assertThat(fixture.figure(LA, 2024, "attendance_pct")).isEqualTo("1|1|100|ok");
        assertThat(fixture.figure(LA, 2024, "children_participated_all_pct")).isEqualTo("1|2|50|ok");
    }

    // ---------------------------------------------------------------- §5 disputes

    @Test
    void disputesAreCountedInTheYearRaisedWithFormalityEscalationTimelinessAndWhatIsStillOpen() {
        // Five children A-E looked after at 31/03/2024. The 2024 log:
        // D1 CONCERN A  raised Wed 12/04/2023 drift      INFORMAL            resolved Thu 20/04/2023 RESOLVED
        // D2 CONCERN B  raised Mon 03/04/2023 placement  stage 1 from 03/04  resolved Thu 04/05/2023 RESOLVED
        // D3 CONCERN C  raised Mon 03/04/2023 placement  stage 2 from 03/04  resolved Fri 05/05/2023 PARTLY_RESOLVED
        // D4 CONCERN D  raised 01/06/2023     permanence stage 3 from 05/06  open
        // D5 CONCERN A  raised Fri 01/09/2023 drift      stage 4 from 04/09, Cafcass, resolved Thu 30/11/2023 NOT_RESOLVED
        // D6 CONCERN B  raised 01/11/2023     health     INFORMAL, Cafcass   open
        // D7 GOOD_PRACTICE C raised 15/01/2024 (no theme)
        // D8 CONCERN E  raised 15/03/2023 (year 2023) education stage 1 from 20/03/2023, still open
        // D9 CONCERN (service-wide, no child) raised Wed 10/01/2024 review process INFORMAL,
        //    resolved Wed 31/01/2024 WITHDRAWN
        // disputes_raised (CONCERN, raised in 2023-24): D1-D6, D9 = 7 (not D7, an alert; not D8,
        //   raised in 2022-23). disputes_per_100_cla = 7 / 5 x 100 = 140.
        // disputes_formal_pct: stage 1+ = D2, D3, D4, D5 -> 4 / 7 = 57.1429%.
        // disputes_stage3plus_pct: D4 (3), D5 (4), D6 (informal but referred to Cafcass) -> 3 / 7.
        // disputes_resolved_20wd_pct: formal and resolved = D2, D3, D5. Working days after stage 1
        //   Mon 03/04/2023: 04-06/04 (3; 07 and 10/04 are Easter), 11-14 (7), 17-21 (12),
        //   24-28 (17), Tue-Thu 02-04/05 (20; 01/05 bank holiday): D2 resolved on the 20th
        //   working day - within; D3 on Fri 05/05, the 21st - not (without the three bank
        //   holidays D2 too would have taken 23). D5 took 63. -> 1 / 3 = 33.3333%.
        // disputes_median_wd, raised to resolved, resolved concerns: D1 12/04 -> 20/04 = 6
        //   (13, 14, 17-20); D2 20; D3 21; D5 01/09 -> 30/11 = 20 (Sep) + 22 (Oct) + 22 (Nov) = 64;
        //   D9 10/01 -> 31/01 = 15 (11-12, 15-19, 22-26, 29-31). Sorted 6, 15, 20, 21, 64:
        //   median 20, a value with no numerator or denominator.
        // disputes_open_31mar: D4, D6 and D8 (raised the year before, still open) = 3.
        // cafcass_referrals: D5, D6 = 2. good_practice_alerts: D7 = 1.
        fixture.header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,", "C,1,03/09/2013,BAFR,UPN-C,,",
                        "D,2,05/05/2008,AIND,UPN-D,,", "E,1,01/01/2015,MWBC,UPN-E,,")
                .episodes(LA, 2024,
                        "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001",
                        "B,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000002",
                        "C,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000003",
                        "D,01/01/2022,S,C2,N1,K2,PR4,,,,,,1000004",
                        "E,01/01/2022,S,C2,N1,U6,PR1,,,,,,1000005")
                .reviews(LA, 2024)
                .disputes(LA, 2024,
                        "D1,A,CONCERN,12/04/2023,CARE_PLAN_DRIFT,INFORMAL,,N,20/04/2023,RESOLVED",
                        "D2,B,CONCERN,03/04/2023,PLACEMENT,1,03/04/2023,N,04/05/2023,RESOLVED",
                        "D3,C,CONCERN,03/04/2023,PLACEMENT,2,03/04/2023,N,05/05/2023,PARTLY_RESOLVED",
                        "D4,D,CONCERN,01/06/2023,PERMANENCE_DELAY,3,05/06/2023,N,,",
                        "D5,A,CONCERN,01/09/2023,CARE_PLAN_DRIFT,4,04/09/2023,Y,30/11/2023,NOT_RESOLVED",
                        "D6,B,CONCERN,01/11/2023,HEALTH,INFORMAL,,Y,,",
                        "D7,C,GOOD_PRACTICE,15/01/2024,,INFORMAL,,N,,",
                        "D8,E,CONCERN,15/03/2023,EDUCATION,1,20/03/2023,N,,",
                        "D9,,CONCERN,10/01/2024,REVIEW_PROCESS,INFORMAL,,N,31/01/2024,WITHDRAWN")
                .load();

        assertThat(fixture.figure(LA, 2024, "disputes_raised")).isEqualTo("7|-|7|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_per_100_cla")).isEqualTo("7|5|140|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_formal_pct")).isEqualTo("4|7|57.1429|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_stage3plus_pct")).isEqualTo("3|7|42.8571|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_resolved_20wd_pct")).isEqualTo("1|3|33.3333|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_median_wd")).isEqualTo("-|-|20|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_open_31mar")).isEqualTo("3|-|3|ok");
        assertThat(fixture.figure(LA, 2024, "cafcass_referrals")).isEqualTo("2|-|2|ok");
        assertThat(fixture.figure(LA, 2024, "good_practice_alerts")).isEqualTo("1|-|1|ok");

        // Breakdowns of disputes_raised add up to 7. Themes (labels in alphabetical order):
        // permanence D4; drift D1, D5; health D6; placement D2, D3; review process D9.
        assertThat(fixture.breakdown(LA, 2024, "disputes_raised", "theme")).containsExactly(
                "Delay in securing permanence for the child=1|-|1",
                "Drift or delay in the child's care plan=2|-|2",
                "The child's health=1|-|1",
                "The child's placement (suitability or stability)=2|-|2",
                "The looked-after review process=1|-|1");
        // Stages: informal D1, D6, D9; one each at stages 1-4.
        assertThat(fixture.breakdown(LA, 2024, "disputes_raised", "stage")).containsExactly(
                "Informal=3|-|3", "Stage 1=1|-|1", "Stage 2=1|-|1", "Stage 3=1|-|1", "Stage 4=1|-|1");
        // Outcomes: resolved D1, D2; partly D3; not resolved D5; withdrawn D9; open D4, D6.
        assertThat(fixture.breakdown(LA, 2024, "disputes_raised", "outcome")).containsExactly(
                "Resolved=2|-|2", "Partly resolved=1|-|1", "Not resolved=1|-|1", "Withdrawn=1|-|1", "Open=2|-|2");
    }

    @Test
    void anLaYearLoadedWithoutADisputesLogHasNoDisputeFigures() {
        // 2023 is loaded without disputes.csv, 2024 with a log of one concern raised 01/06/2023
        // and one raised 15/03/2023 (2022-23), both open. 2023's figures are not available, not
        // zero, even though the 2024 log mentions a 2023 dispute; 2024 counts 1 raised, 2 open.
        fixture.header(LA, 2023, "A,1,15/06/2012,WBRI,UPN-A,,")
                .episodes(LA, 2023, "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001")
                .reviews(LA, 2023)
                .header(LA, 2024, "A,1,15/06/2012,WBRI,UPN-A,,")
                .episodes(LA, 2024, "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001")
                .reviews(LA, 2024)
                .disputes(LA, 2024,
                        "X1,A,CONCERN,15/03/2023,PLACEMENT,INFORMAL,,N,,",
                        "X2,A,CONCERN,01/06/2023,HEALTH,INFORMAL,,N,,")
                .load();

        for (String indicator : DISPUTE_INDICATORS) {
            assertThat(fixture.figure(LA, 2023, indicator)).as(indicator).isEqualTo("-|-|-|not_available");
        }
        assertThat(fixture.breakdown(LA, 2023, "disputes_raised", "theme")).isEmpty();
        assertThat(fixture.figure(LA, 2024, "disputes_raised")).isEqualTo("1|-|1|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_open_31mar")).isEqualTo("2|-|2|ok");
        assertThat(fixture.figure(LA, 2024, "disputes_per_100_cla")).isEqualTo("1|1|100|ok");
    }

    // ---------------------------------------------------------------- §6 workforce

    @Test
    void iroFteIsThe31MarchSnapshotAndCaseloadIsChildrenLookedAfterPerFte() {
        // 2024 log: 4.0 FTE on 30/09/2023, 2.5 FTE on 31/03/2024 -> iro_fte = 2.5 (the 31 March
        // snapshot). Five children looked after at 31/03/2024 -> iro_caseload = 5 / 2.5 = 2.
        // 2023 is loaded without workforce.csv: both not available.
        fixture.header(LA, 2023, "A,1,15/06/2012,WBRI,UPN-A,,")
                .episodes(LA, 2023, "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001")
                .reviews(LA, 2023)
                .header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2011,WBRI,UPN-B,,", "C,1,03/09/2013,BAFR,UPN-C,,",
                        "D,2,05/05/2008,AIND,UPN-D,,", "E,1,01/01/2015,MWBC,UPN-E,,")
                .episodes(LA, 2024,
                        "A,01/01/2022,S,C2,N1,U4,PR1,,,,,,1000001",
                        "B,01/05/2023,S,V2,N4,U6,PR1,,,,,,1000002",
                        "C,01/06/2023,S,C1,N1,U6,PR1,,,,,,1000003",
                        "D,01/07/2023,S,C1,N1,K2,PR4,,,,,,1000004",
                        "E,01/08/2023,S,V2,N4,U6,PR1,,,,,,1000005")
                .reviews(LA, 2024)
                .workforce(LA, 2024, "30/09/2023,4.0,4,0.5,1.0", "31/03/2024,2.5,3,2.0,0.5")
                .load();

        assertThat(fixture.figure(LA, 2024, "cla_31mar")).isEqualTo("5|-|5|ok");
        assertThat(fixture.figure(LA, 2024, "iro_fte")).isEqualTo("2.5|-|2.5|ok");
        assertThat(fixture.figure(LA, 2024, "iro_caseload")).isEqualTo("5|2.5|2|ok");
        assertThat(fixture.figure(LA, 2023, "iro_fte")).isEqualTo("-|-|-|not_available");
        assertThat(fixture.figure(LA, 2023, "iro_caseload")).isEqualTo("-|-|-|not_available");
    }
}
