package uk.iroinsight.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * indicators.md §0-§2 on hand-built returns of authority 891 (Nottinghamshire), loaded by the
 * real loader. Collection year 2024 runs 1 April 2023 to 31 March 2024. Each figure is
 * "numerator|denominator|value|status" and is worked out by hand in the comment above it.
 * Nottinghamshire's population aged 0-17 for 2024 (ONS mid-2023) is 169,377.
 */
class VolumeAndStabilityIndicatorsTest extends HandWorkedReturns {

    private static final String LA = "891";

    @Test
    void volumesCountChildrenNotEpisodesAndLeaveShortBreaksOut() {
        // A  S 10/04/2023, open                                  -> in care 31/03, started
        // B  S 01/05/2022 (before the year), ceased E4A 01/10/2023 -> ceased only
        // C  S 01/06/2023 ceased E4A 01/08/2023, S 01/09/2023 open -> in care, started once, ceased once
        // D  S 01/02/2024 ceased E13 31/03/2024                  -> started and ceased; DEC = 31 March is
        //                                                            not in care at 31 March
        // F  short breaks only (V3), one open at 31 March        -> nowhere
        // cla_31mar = A, C = 2; starts = A, C, D = 3; ceased = B, C, D = 3.
        // Rates per 10,000 of 169,377: 2 -> 0.1181, 3 -> 0.1771.
        fixture.header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2010,BAFR,UPN-B,,", "C,1,01/01/2015,MWBC,UPN-C,,",
                        "D,2,05/05/2008,AIND,UPN-D,,", "F,1,03/03/2011,WBRI,UPN-F,,")
                .episodes(LA, 2024,
                        "A,10/04/2023,S,C2,N1,U4,PR1,,,,,,1000001",
                        "B,01/05/2022,S,V2,N4,U6,PR1,01/10/2023,E4A,,,,1000002",
                        "C,01/06/2023,S,V2,N4,U4,PR1,01/08/2023,E4A,,,,1000003",
                        "C,01/09/2023,S,C1,N1,U4,PR1,,,,,,1000003",
                        "D,01/02/2024,S,V2,N4,U6,PR1,31/03/2024,E13,,,,1000004",
                        "F,01/06/2023,S,V3,N1,R1,PR1,03/06/2023,E8,,,,1000005",
                        "F,30/03/2024,S,V3,N1,R1,PR1,,,,,,1000005")
                .reviews(LA, 2024)
                .load();

        assertThat(fixture.figure(LA, 2024, "cla_31mar")).isEqualTo("2|-|2|ok");
        assertThat(fixture.figure(LA, 2024, "starts")).isEqualTo("3|-|3|ok");
        assertThat(fixture.figure(LA, 2024, "ceased")).isEqualTo("3|-|3|ok");
        assertThat(fixture.figure(LA, 2024, "cla_rate_10k")).isEqualTo("2|169377|0.1181|ok");
        assertThat(fixture.figure(LA, 2024, "starts_rate_10k")).isEqualTo("3|169377|0.1771|ok");
        assertThat(fixture.figure(LA, 2024, "ceased_rate_10k")).isEqualTo("3|169377|0.1771|ok");
        // The breakdown adds up to the count: A and C are boys, A White, C Mixed; A is 11, C 9.
        assertThat(fixture.breakdown(LA, 2024, "cla_31mar", "sex")).containsExactly("Male=2|-|2");
        assertThat(fixture.breakdown(LA, 2024, "cla_31mar", "ethnicity")).containsExactly("White=1|-|1", "Mixed=1|-|1");
        assertThat(fixture.breakdown(LA, 2024, "cla_31mar", "age_band")).containsExactly("5 to 9=1|-|1", "10 to 15=1|-|1");
    }

    @Test
    void theMixAt31MarchIsTakenFromTheEpisodeOpenThatDay() {
        // Four children in care at 31/03/2024 (their episodes open then):
        // A  V2 (s20), U4 foster, UASC with DUC blank               -> uasc, s20, foster
        // B  C2 care order, K2 children's home, UASC whose status ceased 01/02/2024 -> care order, residential
        // C  C1 interim care order, U6 foster; was V2 until 01/12/2023 -> care order, foster
        // D  E1 placement order, A4 placed for adoption             -> none of the five
        // uasc_pct 1/4 = 25; s20_pct 1/4 = 25; care_order_pct 2/4 = 50; foster_pct 2/4 = 50;
        // residential_pct 1/4 = 25.
        fixture.header(LA, 2024,
                        "A,1,15/06/2008,AOTH,UPN-A,,", "B,1,20/02/2007,BAFR,UPN-B,,", "C,2,01/01/2015,WBRI,UPN-C,,",
                        "D,2,05/05/2020,WBRI,UPN-D,,")
                .episodes(LA, 2024,
                        "A,10/04/2023,S,V2,N1,U4,PR1,,,,,,1000001",
                        "B,01/05/2022,S,C2,N1,K2,PR4,,,,,,1000002",
                        "C,01/06/2023,S,V2,N1,U6,PR1,01/12/2023,X1,,,,1000003",
                        "C,01/12/2023,L,C1,N1,U6,PR1,,,,,,1000003",
                        "D,01/02/2022,S,E1,N1,A4,PR1,,,,,,1000004")
                .reviews(LA, 2024)
                .uasc(LA, 2024, "A,1,15/06/2008,", "B,1,20/02/2007,01/02/2024")
                .load();

        assertThat(fixture.figure(LA, 2024, "cla_31mar")).isEqualTo("4|-|4|ok");
        assertThat(fixture.figure(LA, 2024, "uasc_pct")).isEqualTo("1|4|25|ok");
        assertThat(fixture.figure(LA, 2024, "s20_pct")).isEqualTo("1|4|25|ok");
        assertThat(fixture.figure(LA, 2024, "care_order_pct")).isEqualTo("2|4|50|ok");
        assertThat(fixture.figure(LA, 2024, "foster_pct")).isEqualTo("2|4|50|ok");
        assertThat(fixture.figure(LA, 2024, "residential_pct")).isEqualTo("1|4|25|ok");
        // foster_pct by legal status group at 31 March: C's care order (C1) and A's section 20.
        assertThat(fixture.breakdown(LA, 2024, "foster_pct", "legal_status"))
                .containsExactly("Care order=1|2|50", "Placement order=0|1|0", "Section 20=1|1|100");
    }

    @Test
    void anAuthorityWithoutAUascFileHasNoUnaccompaniedChildrenButOneWithoutChildrenHasNoPercentages() {
        // 891: one child in care at 31 March, no uasc.csv -> uasc_pct 0 of 1 (the UASC table
        // lists only UASC children). 892 2024: its only child left before 31 March, so every
        // "% of children at 31 March" has nothing to divide by: not available.
        fixture.header(LA, 2024, "A,1,15/06/2012,WBRI,UPN-A,,")
                .episodes(LA, 2024, "A,10/04/2023,S,C2,N1,U4,PR1,,,,,,1000001")
                .reviews(LA, 2024)
                .header("892", 2024, "B,1,15/06/2012,WBRI,UPN-B,,")
                .episodes("892", 2024, "B,10/04/2023,S,C2,N1,U4,PR1,01/05/2023,E4A,,,,1000001")
                .reviews("892", 2024)
                .load();

        assertThat(fixture.figure(LA, 2024, "uasc_pct")).isEqualTo("0|1|0|ok");
        assertThat(fixture.figure("892", 2024, "cla_31mar")).isEqualTo("0|-|0|ok");
        assertThat(fixture.figure("892", 2024, "uasc_pct")).isEqualTo("0|0|-|not_available");
        assertThat(fixture.figure("892", 2024, "stability_3plus_pct")).isEqualTo("0|0|-|not_available");
    }

    @Test
    void placementsCountTheOneOpenOnFirstAprilAndEachNewOneWithSameCarerMovesOnlyUnderTheFlag() {
        // A  S U6 01/05/2023 -> T U6 01/08/2023 (same carer moved house) -> U U6 01/10/2023 (same
        //    carer, other placement type... here legal status too) -> P K2 01/12/2023, open.
        //    Standard rule: U6 + K2 = 2. count_same_carer_moves: U6, T, U, K2 = 4.
        // B  U4 since 01/01/2023 (open on 1 April) -> P T1 hospital 01/06/2023 -> P back to the
        //    same U4 (same URN) 10/06/2023 -> P R1 01/09/2023: U4 + R1 = 2 (the hospital stay is
        //    not a placement and the return to the same carer is not a new one); raw episodes say 4.
        // C  U4 01/04/2023 -> P U6 02/05/2023 -> P K2 01/07/2023 ceased the same day E4A
        //    (under 24 hours, not a placement): 2 placements, and C is not in care at 31 March.
        // D  S U4 10/04/2023 -> P U6 01/06/2023 -> P R1 01/09/2023 -> P U4 01/12/2023: 4.
        // Of A, B, D (in care at 31 March): 3+ placements standard = D only: 1/3 = 33.3333;
        // with the flag A has 4 too: 2/3 = 66.6667.
        fixture.header(LA, 2024,
                        "A,1,15/06/2012,WBRI,UPN-A,,", "B,2,20/02/2010,BAFR,UPN-B,,", "C,1,01/01/2015,WBRI,UPN-C,,",
                        "D,2,05/05/2011,WBRI,UPN-D,,")
                .episodes(LA, 2024,
                        "A,01/05/2023,S,C1,N1,U6,PR1,01/08/2023,X1,,,,1000001",
                        "A,01/08/2023,T,C1,N1,U6,PR1,01/10/2023,X1,,,,1000001",
                        "A,01/10/2023,U,C2,N1,U6,PR1,01/12/2023,X1,CARPL,,,1000001",
                        "A,01/12/2023,P,C2,N1,K2,PR4,,,,,,2000001",
                        "B,01/01/2023,S,C2,N1,U4,PR1,01/06/2023,X1,,,PB1,1000002",
                        "B,01/06/2023,P,C2,N1,T1,,10/06/2023,X1,,,,",
                        "B,10/06/2023,P,C2,N1,U4,PR1,01/09/2023,X1,CARPL,,PB1,1000002",
                        "B,01/09/2023,P,C2,N1,R1,PR4,,,,,,2000002",
                        "C,01/04/2023,S,V2,N1,U4,PR1,02/05/2023,X1,CARPL,,,1000003",
                        "C,02/05/2023,P,V2,N1,U6,PR1,01/07/2023,X1,CARPL,,,1000004",
                        "C,01/07/2023,P,V2,N1,K2,PR4,01/07/2023,E4A,,,,2000003",
                        "D,10/04/2023,S,C2,N1,U4,PR1,01/06/2023,X1,CARPL,,,1000005",
                        "D,01/06/2023,P,C2,N1,U6,PR1,01/09/2023,X1,CARPL,,,1000006",
                        "D,01/09/2023,P,C2,N1,R1,PR4,01/12/2023,X1,CARPL,,,2000004",
                        "D,01/12/2023,P,C2,N1,U4,PR1,,,,,,1000007")
                .reviews(LA, 2024)
                .load();

        assertThat(fixture.figure(LA, 2024, "stability_3plus_pct")).isEqualTo("1|3|33.3333|ok");
        fixture.rebuildWith(new IndicatorFlags(true, false, "CSSNBT_2025"));
        assertThat(fixture.figure(LA, 2024, "stability_3plus_pct")).isEqualTo("2|3|66.6667|ok");
        assertThat(fixture.rows("SELECT count_same_carer_moves FROM mart_build")).containsExactly("true");
    }

    @Test
    void adoptionWithTheCurrentFosterCarersIsNotANewPlacement() {
        // A  S U4 01/02/2023 (open on 1 April) -> B A5 01/09/2023 (placed for adoption with the
        //    same foster carers, placement order E1): one placement.
        // B  same, but -> P A6 (adopters who were not the foster carers): two placements.
        // C  S U4 -> P U6 01/06/2023 -> B A3 01/09/2023 (A3 after fostering: not new) -> 2 placements,
        //    then P K2 01/11/2023 -> 3.
        // stability_3plus_pct: C only of A, B, C = 1/3.
        fixture.header(LA, 2024,
                        "A,1,15/06/2020,WBRI,UPN-A,,", "B,2,20/02/2021,WBRI,UPN-B,,", "C,1,01/01/2019,WBRI,UPN-C,,")
                .episodes(LA, 2024,
                        "A,01/02/2023,S,C2,N1,U4,PR1,01/09/2023,X1,,,,1000001",
                        "A,01/09/2023,B,E1,N1,A5,PR1,,,,,,1000001",
                        "B,01/02/2023,S,C2,N1,U4,PR1,01/09/2023,X1,CARPL,,,1000002",
                        "B,01/09/2023,P,E1,N1,A6,PR1,,,,,,3000002",
                        "C,01/02/2023,S,C2,N1,U4,PR1,01/06/2023,X1,CARPL,,,1000003",
                        "C,01/06/2023,P,C2,N1,U6,PR1,01/09/2023,X1,,,,1000004",
                        "C,01/09/2023,B,E1,N1,A3,PR1,01/11/2023,X1,CARPL,,,1000004",
                        "C,01/11/2023,P,E1,N1,K2,PR4,,,,,,2000003")
                .reviews(LA, 2024)
                .load();

        assertThat(fixture.figure(LA, 2024, "stability_3plus_pct")).isEqualTo("1|3|33.3333|ok");
        assertThat(fixture.breakdown(LA, 2024, "stability_3plus_pct", "placement_type"))
                .containsExactly("Placed for adoption=0|2|0", "Residential=1|1|100");
    }

    @Test
    void longTermStabilityNeedsTwoAndAHalfYearsInCareFrom30SeptemberAndCountsTheAdoptivePlacementWithTheOneBefore() {
        // Year 2024: looked after since on or before 30/09/2021, placement since on or before 31/03/2022,
        // aged under 16 at 31/03/2024.
        // P  S U4 30/09/2021, open                  -> denominator (2.5 years exactly), numerator
        // Q  S U4 01/10/2021, open                  -> one day short: not in the denominator
        // R  S U4 01/06/2021 -> P K2 01/04/2022 (returns 2022, 2023, 2024 loaded so the start is
        //    known)                                 -> denominator; placement since 01/04/2022: not numerator
        // S  S U4 01/03/2021 -> P A6 01/06/2023 (adopters) -> denominator; the adoptive placement
        //    and the U4 before it span from 01/03/2021: numerator
        // U  first loaded episode P U4 01/01/2022: its period began before the loaded history and
        //    the loaded part starts after 30/09/2021 -> unknown: excluded, noted
        // V  S U4 01/01/2020, open, but 16 at 31/03/2024 -> not in the denominator
        // stability_long_term_pct = P, S of P, R, S = 2/3 = 66.6667; 1 child excluded of 4.
        fixture.header(LA, 2022, "R,1,01/01/2012,WBRI,UPN-R,,")
                .episodes(LA, 2022, "R,01/06/2021,S,C2,N1,U4,PR1,,,,,,1000003")
                .reviews(LA, 2022)
                .header(LA, 2023, "R,1,01/01/2012,WBRI,UPN-R,,")
                .episodes(LA, 2023,
                        "R,01/06/2021,S,C2,N1,U4,PR1,01/04/2022,X1,CARPL,,,1000003",
                        "R,01/04/2022,P,C2,N1,K2,PR4,,,,,,2000003")
                .reviews(LA, 2023)
                .header(LA, 2024,
                        "P,1,15/06/2012,WBRI,UPN-P,,", "Q,2,20/02/2012,WBRI,UPN-Q,,", "R,1,01/01/2012,WBRI,UPN-R,,",
                        "S,2,05/05/2015,WBRI,UPN-S,,", "U,1,05/05/2013,WBRI,UPN-U,,", "V,2,01/03/2008,WBRI,UPN-V,,")
                .episodes(LA, 2024,
                        "P,30/09/2021,S,C2,N1,U4,PR1,,,,,,1000001",
                        "Q,01/10/2021,S,C2,N1,U4,PR1,,,,,,1000002",
                        "R,01/04/2022,P,C2,N1,K2,PR4,,,,,,2000003",
                        "S,01/03/2021,S,C2,N1,U4,PR1,01/06/2023,X1,CARPL,,,1000004",
                        "S,01/06/2023,P,E1,N1,A6,PR1,,,,,,3000004",
                        "U,01/01/2022,P,C2,N1,U4,PR1,,,,,,1000005",
                        "V,01/01/2020,S,C2,N1,U4,PR1,,,,,,1000006")
                .reviews(LA, 2024)
                .load();

        assertThat(fixture.figure(LA, 2024, "stability_long_term_pct")).isEqualTo("2|3|66.6667|ok");
        assertThat(fixture.rows("SELECT excluded FROM mart_indicator WHERE area_type = 'la' AND source = 'records'"
                + " AND year = 2024 AND indicator = 'stability_long_term_pct'")).containsExactly("1");
        assertThat(fixture.rows("SELECT count || ' of ' || of_total FROM mart_dq_note WHERE year = 2024"
                + " AND indicator = 'stability_long_term_pct' AND note = 'excluded'")).containsExactly("1 of 4");
    }
}
