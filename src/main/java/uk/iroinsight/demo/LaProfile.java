package uk.iroinsight.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import uk.iroinsight.etl.csv.ClasspathCsv;

/**
 * An authority's character in the demo, drawn once per (seed, LA): its UASC share, how often a
 * review is held on time (with a trend over the years, so some LAs improve and some slip), missed
 * reviews, how often children convey their views (also with a trend), how often IROs raise
 * disputes, IRO caseloads and agency staff, and the share of children whose placements are
 * unsettled. The authorities of {@code etl/demo/stories.csv} follow their story instead.
 */
record LaProfile(double uascShare, Trend onTime, double missedRate, Trend participation, double disputesPer100,
        Trend disputeMultiplier, Trend caseload, double agencyShare, double unsettledShare, double tempRate) {

    /** LAs with many unaccompanied children (ports of entry and the national transfer scheme's early hosts). */
    private static final Set<String> HIGH_UASC = Set.of("886", "306", "312", "305", "313", "852", "845", "319");

    /** The stories, by LA code then measure. */
    private static final Map<String, Map<String, Trend>> STORIES = stories();

    /**
     * A value over the collection years: a straight line from {@code fromValue} in {@code fromYear}
     * to {@code toValue} in {@code toYear}, flat before and after (or, as a spike, {@code base}
     * outside the years).
     */
    record Trend(int fromYear, int toYear, double fromValue, double toValue, double outside) {

        static Trend flat(double value) {
            return new Trend(2000, 2000, value, value, Double.NaN);
        }

        double at(int year) {
            if (!Double.isNaN(outside) && (year < fromYear || year > toYear)) {
                return outside;
            }
            if (year <= fromYear) {
                return fromValue;
            }
            if (year >= toYear) {
                return toValue;
            }
            return fromValue + (toValue - fromValue) * (year - fromYear) / (toYear - fromYear);
        }
    }

    static LaProfile draw(String la, RandomGenerator random, int from, int to) {
        // Share of starters who are UASC: England's is about one in six, most of them 16-17 and looked
        // after for a year or two, so about one in eleven of the children looked after at 31 March.
        double uasc = HIGH_UASC.contains(la) ? 0.30 + 0.15 * random.nextDouble() : 0.03 + 0.2 * random.nextDouble() * random.nextDouble();
        double onTime = 0.80 + 0.16 * random.nextDouble();
        double onTimeChange = (random.nextDouble() - 0.5) * 0.12;
        double missed = 0.003 + 0.02 * random.nextDouble();
        double views = 0.86 + 0.12 * random.nextDouble();
        double viewsChange = (random.nextDouble() - 0.6) * 0.1;
        double disputes = 4 + 16 * random.nextDouble();
        int spikeYear = random.nextDouble() < 0.1 ? from + 1 + random.nextInt(Math.max(1, to - from)) : -1;
        double caseload = 50 + 22 * random.nextDouble();
        double agency = random.nextDouble() < 0.4 ? 0.05 + 0.25 * random.nextDouble() : 0;
        double unsettled = 0.05 + 0.1 * random.nextDouble();
        Map<String, Trend> story = STORIES.getOrDefault(la, Map.of());
        return new LaProfile(uasc,
                story.getOrDefault("reviews_on_time", new Trend(from, to, clamp(onTime - onTimeChange / 2), clamp(onTime + onTimeChange / 2), Double.NaN)),
                missed,
                story.getOrDefault("participation", new Trend(from, to, clamp(views - viewsChange / 2), clamp(views + viewsChange / 2), Double.NaN)),
                disputes,
                story.getOrDefault("disputes", spikeYear < 0 ? Trend.flat(1) : new Trend(spikeYear, spikeYear, 2.5, 2.5, 1)),
                story.getOrDefault("caseload", Trend.flat(caseload)),
                agency, unsettled, 0.04);
    }

    private static double clamp(double probability) {
        return Math.max(0.3, Math.min(0.995, probability));
    }

    private static Map<String, Map<String, Trend>> stories() {
        List<Map<String, String>> rows = ClasspathCsv.readFile("etl/demo/stories.csv");
        Map<String, Map<String, Trend>> stories = new java.util.HashMap<>();
        for (Map<String, String> row : rows) {
            String measure = row.get("MEASURE");
            Trend trend = new Trend(Integer.parseInt(row.get("FROM_YEAR")), Integer.parseInt(row.get("TO_YEAR")),
                    Double.parseDouble(row.get("FROM_VALUE")), Double.parseDouble(row.get("TO_VALUE")),
                    measure.equals("disputes") ? 1 : Double.NaN);
            if (stories.computeIfAbsent(row.get("LA_CODE"), k -> new java.util.HashMap<>()).put(measure, trend) != null) {
                throw new IllegalStateException("etl/demo/stories.csv: two " + measure + " stories for " + row.get("LA_CODE"));
            }
        }
        return Map.copyOf(stories);
    }
}
