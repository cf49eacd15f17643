package uk.iroinsight.demo;

import java.util.random.RandomGenerator;

/**
 * An authority's character in the demo, drawn once per (seed, LA): its UASC share, review
 * timeliness (with a trend over the years, so some LAs improve and some slip), missed reviews,
 * participation culture, dispute rate, IRO caseload, and the placement-move process aimed at
 * the published stability percentages.
 */
record LaProfile(double uascShare, double onTimeRate, double onTimeTrend, double missedRate, double participation,
        double participationTrend, double disputesPer100, int disputeSpikeYear, double caseload, double agencyShare,
        double unsettledShare, double settledMoveRate, double unsettledMoveRate, double tempRate) {

    /** LAs with many unaccompanied children (ports of entry and the national transfer scheme's early hosts). */
    private static final java.util.Set<String> HIGH_UASC = java.util.Set.of("886", "306", "312", "305", "313", "852", "845", "319");

    static LaProfile draw(String la, RandomGenerator random, double stability3Plus, double longTerm, int from, int to) {
        double uasc = HIGH_UASC.contains(la) ? 0.18 + 0.12 * random.nextDouble() : 0.01 + 0.07 * random.nextDouble() * random.nextDouble();
        double onTime = 0.78 + 0.18 * random.nextDouble();
        double trend = (random.nextDouble() - 0.5) * 0.02;
        double missed = 0.003 + 0.02 * random.nextDouble();
        double participation = 0.7 + 0.6 * random.nextDouble();
        double participationTrend = (random.nextDouble() - 0.6) * 0.04;
        double disputes = 4 + 16 * random.nextDouble();
        int spike = random.nextDouble() < 0.15 ? from + 1 + random.nextInt(Math.max(1, to - from)) : -1;
        double caseload = 50 + 22 * random.nextDouble();
        double agency = random.nextDouble() < 0.4 ? 0.05 + 0.25 * random.nextDouble() : 0;
        // Moves: a share of children are unsettled (rate 1.6 moves a year), the rest settled. The
        // share aims P(2+ moves in a year) at the published 3+ placements %, the settled rate aims
        // P(no move in 2 years) at long-term stability.
        double unsettledRate = 1.6;
        double pUnsettled2 = 1 - Math.exp(-unsettledRate) * (1 + unsettledRate);
        // x1.2: children in care for only part of the year have less time to move (measured bias -2 points)
        double target3 = 1.2 * clamp(Double.isNaN(stability3Plus) ? 10 : stability3Plus, 2, 30) / 100;
        double targetLong = clamp(Double.isNaN(longTerm) ? 70 : longTerm, 40, 90) / 100;
        double settledRate = 0.1;
        double share = 0.2;
        for (int i = 0; i < 5; i++) {
            double pSettled2 = 1 - Math.exp(-settledRate) * (1 + settledRate);
            share = clamp((target3 - pSettled2) / (pUnsettled2 - pSettled2), 0.01, 0.8);
            double stay = (targetLong - share * Math.exp(-2 * unsettledRate)) / (1 - share);
            settledRate = clamp(-Math.log(clamp(stay, 0.05, 0.99)) / 2, 0.005, 0.8);
        }
        return new LaProfile(uasc, onTime, trend, missed, participation, participationTrend, disputes, spike, caseload, agency,
                share, settledRate, unsettledRate, 0.04);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
