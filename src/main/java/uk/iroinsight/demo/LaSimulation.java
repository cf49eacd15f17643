package uk.iroinsight.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Simulates one authority's children over the collection years {@code from..to} as a stock and
 * flow calibrated to its targets: a back-dated stock at 31 March of the year before {@code from}
 * (first year's CLA − starts + ceased), then each year exactly the target number of starters
 * and as many leavers (those turning 18 first) as make the 31 March stock equal the target CLA.
 * Each child's story is then planned (legal-status changes, temporary placements, adoption),
 * its placement moves chosen to meet the year's stability targets ({@link StabilityPlanner}),
 * and its episodes and reviews built along its journey.
 */
final class LaSimulation {

    private final String la;
    private final List<YearTargets> targets;
    private final Set<LocalDate> holidays;
    private final SplittableRandom random;
    final LaProfile profile;
    final boolean london;
    private final List<Journey> journeys = new ArrayList<>();
    private int nextId = 1;

    LaSimulation(String la, String region, List<YearTargets> targets, Set<LocalDate> holidays, long seed) {
        this.la = la;
        this.targets = targets;
        this.holidays = holidays;
        this.random = new SplittableRandom(seed);
        this.profile = LaProfile.draw(la, random, targets.get(0).year(), targets.get(targets.size() - 1).year());
        this.london = region.startsWith("E13");
    }

    /** Runs the stock and flow, then builds every child's episodes and reviews; children in id order. */
    List<Journey> run() {
        int from = targets.get(0).year();
        LocalDate horizon = LocalDate.of(targets.get(targets.size() - 1).year(), 3, 31);
        YearTargets first = targets.get(0);
        int stock0 = Math.max(0, first.cla() - first.starts() + first.ceased());
        LocalDate snapshot = LocalDate.of(from - 1, 3, 31);
        List<Journey> inCare = new ArrayList<>();
        for (int i = 0; i < stock0; i++) {
            inCare.add(stockChild(snapshot));
        }
        for (YearTargets target : targets) {
            LocalDate yearStart = LocalDate.of(target.year() - 1, 4, 1);
            LocalDate yearEnd = LocalDate.of(target.year(), 3, 31);
            int starters = target.starts();
            int leavers = inCare.size() + starters - target.cla();
            if (leavers < 0) {
                starters -= leavers; // CLA before starts: published figures that do not balance
                leavers = 0;
            }
            // Published starts - ceased rarely equals the change in CLA: children who leave and come
            // back in the year make up the difference (both count once as a start and once as ceased).
            int forcedCount = (int) inCare.stream().filter(j -> !j.eighteenth().isAfter(yearEnd)).count();
            int comeBackAndStay = Math.max(0, Math.min(target.ceased() - leavers, starters / 2));
            int comeBackAndLeave = Math.max(0, Math.min(leavers - target.ceased(), Math.min(starters / 2, (leavers - forcedCount) / 2)));
            List<Journey> leaveAndReturn = comeBackAndLeave == 0 ? List.of() : leaveTwice(inCare, comeBackAndLeave, yearStart, yearEnd);
            inCare.removeAll(leaveAndReturn);
            starters -= leaveAndReturn.size();
            leavers -= 2 * leaveAndReturn.size();
            List<Journey> newcomers = new ArrayList<>();
            for (int i = 0; i < starters; i++) {
                newcomers.add(starter(yearStart));
            }
            newcomers.sort(Comparator.comparing((Journey j) -> j.start));
            List<Journey> returned = new ArrayList<>();
            for (int i = 0; i < newcomers.size() && returned.size() < comeBackAndStay; i++) {
                Journey j = newcomers.get(i);
                LocalDate left = j.start.plusDays(3 + random.nextInt(40));
                LocalDate back = left.plusDays(7 + random.nextInt(60));
                if (back.isAfter(yearEnd) || !j.eighteenth().isAfter(yearEnd)) {
                    continue;
                }
                j.end = left;
                j.endReason = "LEAVE";
                Journey again = j.returning(back);
                journeys.add(again);
                returned.add(again);
            }
            inCare.addAll(newcomers);
            inCare.removeIf(j -> j.end != null);
            chooseLeavers(inCare, leavers, yearStart, yearEnd);
            inCare.removeIf(j -> j.end != null);
            inCare.addAll(returned);
        }
        Map<Journey, EpisodeBuilder> builders = new LinkedHashMap<>();
        for (Journey journey : journeys) {
            builders.put(journey, new EpisodeBuilder(journey, horizon, random.split(), profile, holidays));
        }
        new StabilityPlanner(journeys, builders, targets, random.split()).plan();
        builders.values().forEach(EpisodeBuilder::build);
        return journeys;
    }

    /**
     * Children in care at the start of the year who leave, come back and leave again within it:
     * returns the first periods (ended), having added the second periods (also ended).
     */
    private List<Journey> leaveTwice(List<Journey> inCare, int wanted, LocalDate yearStart, LocalDate yearEnd) {
        List<Journey> chosen = new ArrayList<>();
        for (Journey j : inCare) {
            if (chosen.size() >= wanted) {
                break;
            }
            if (j.reentry || random.nextDouble() < 0.5) {
                continue;
            }
            LocalDate low = firstLeavingDay(j, yearStart);
            LocalDate high = lastLeavingDay(j, yearEnd);
            if (ChronoUnit.DAYS.between(low, high) < 200) {
                continue;
            }
            LocalDate left = low.plusDays(random.nextInt(60));
            LocalDate back = left.plusDays(7 + random.nextInt(60));
            LocalDate leftAgain = back.plusDays(1 + random.nextInt((int) Math.min(60, ChronoUnit.DAYS.between(back, high))));
            j.end = left;
            j.endReason = "LEAVE";
            Journey again = j.returning(back);
            again.end = leftAgain;
            again.endReason = "LEAVE";
            journeys.add(again);
            chosen.add(j);
        }
        return chosen;
    }

    private void chooseLeavers(List<Journey> inCare, int leavers, LocalDate yearStart, LocalDate yearEnd) {
        List<Journey> forced = new ArrayList<>();
        List<Journey> others = new ArrayList<>();
        for (Journey j : inCare) {
            if (j.reentry && !j.start.isBefore(yearStart)) {
                continue; // came back this year: does not leave again
            }
            (j.eighteenth().isAfter(yearEnd) ? others : forced).add(j);
        }
        // More children turning 18 than leavers: make some a year younger (if still born before their start).
        for (int i = forced.size() - 1; i >= 0 && forced.size() > leavers; i--) {
            Journey j = forced.get(i);
            if (!j.reentry && j.dob.plusYears(1).isBefore(j.start)) {
                j.dob = j.dob.plusYears(1);
                forced.remove(i);
                others.add(j);
            }
        }
        for (Journey j : forced) {
            j.end = j.eighteenth();
            j.endReason = "AGE18";
        }
        int remaining = leavers - forced.size();
        if (remaining <= 0) {
            return;
        }
        List<Journey> candidates = new ArrayList<>();
        for (Journey j : others) {
            if (!firstLeavingDay(j, yearStart).isAfter(lastLeavingDay(j, yearEnd))) {
                candidates.add(j);
            }
        }
        // Recent arrivals leave sooner, children long in care seldom; UASC stay longer.
        List<Journey> chosen = byWeight(candidates, j -> (!j.start.isBefore(yearStart) ? 1.8
                : j.start.isAfter(yearStart.minusYears(1)) ? 1.2 : j.start.isBefore(yearStart.minusYears(3)) ? 0.45 : 1)
                * (j.uasc ? 0.6 : 1), random);
        for (Journey j : chosen.subList(0, Math.min(remaining, chosen.size()))) {
            LocalDate low = firstLeavingDay(j, yearStart);
            LocalDate high = lastLeavingDay(j, yearEnd);
            j.end = low.plusDays(random.nextLong(ChronoUnit.DAYS.between(low, high) + 1));
            j.endReason = "LEAVE";
        }
    }

    /** The first day a child in care may leave in the year: the day after its start, or 1 April. */
    private static LocalDate firstLeavingDay(Journey j, LocalDate yearStart) {
        return j.start.plusDays(1).isAfter(yearStart) ? j.start.plusDays(1) : yearStart;
    }

    /** The last day a child may leave in the year before it would age out: the day before its 18th birthday, or 31 March. */
    private static LocalDate lastLeavingDay(Journey j, LocalDate yearEnd) {
        return j.eighteenth().minusDays(1).isBefore(yearEnd) ? j.eighteenth().minusDays(1) : yearEnd;
    }

    /**
     * The items in a random order weighted towards the heavier: weighted sampling without
     * replacement (keys u^(1/w), largest first; ties keep list order), one draw per item.
     */
    static <T> List<T> byWeight(List<T> items, ToDoubleFunction<T> weight, SplittableRandom random) {
        List<Map.Entry<Double, T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(Map.entry(Math.pow(random.nextDouble(), 1 / weight.applyAsDouble(item)), item));
        }
        keyed.sort(Map.Entry.<Double, T>comparingByKey().reversed());
        return keyed.stream().map(Map.Entry::getValue).toList();
    }

    // ---- who comes into care -------------------------------------------------------------

    private static final double[] STOCK_AGE = {3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6, 7, 7, 8, 12, 12};
    private static final double[] START_AGE = {18, 3.5, 3.5, 3.5, 3.5, 3, 3, 3, 3, 3, 5.5, 5.5, 6, 6.5, 7, 6.5, 8, 8};
    private static final double[] UASC_AGE = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 5, 14, 40, 40};

    private Journey stockChild(LocalDate snapshot) {
        boolean uasc = random.nextDouble() < profile.uascShare() * 0.7;
        int age = pick(uasc ? UASC_AGE : STOCK_AGE);
        LocalDate dob = snapshot.minusYears(age).minusDays(random.nextInt(365));
        long ageDays = ChronoUnit.DAYS.between(dob, snapshot);
        // Time in care so far: mostly under 3 years, some since early childhood.
        double years = uasc ? random.nextDouble() * 1.5 : -Math.log(1 - random.nextDouble()) * 2.6;
        long inCareDays = Math.min(ageDays - 1, Math.max(1, Math.round(years * 365)));
        return newChild(dob, snapshot.minusDays(inCareDays), uasc);
    }

    private Journey starter(LocalDate yearStart) {
        boolean uasc = random.nextDouble() < profile.uascShare();
        LocalDate start = yearStart.plusDays(random.nextInt(365));
        int age = pick(uasc ? UASC_AGE : START_AGE);
        LocalDate dob = start.minusYears(age).minusDays(random.nextInt(365));
        if (!dob.isBefore(start)) {
            dob = start.minusDays(1);
        }
        return newChild(dob, start, uasc);
    }

    private Journey newChild(LocalDate dob, LocalDate start, boolean uasc) {
        int sex = random.nextDouble() < (uasc ? 0.92 : 0.545) ? 1 : 2;
        String ethnic = uasc ? pick(UASC_ETHNIC) : pick(london ? LONDON_ETHNIC : ETHNIC);
        boolean settled = random.nextDouble() >= profile.unsettledShare();
        Journey journey = new Journey("DEMO-%s-%06d".formatted(la, nextId++), sex, dob, ethnic, uasc, start, settled);
        journeys.add(journey);
        return journey;
    }

    private static final TreeMap<Double, String> ETHNIC = table("WBRI", 70, "WIRI", 0.5, "WOTH", 4.5, "WIRT", 0.4, "WROM", 0.7,
            "MWBC", 3.6, "MWBA", 1.4, "MWAS", 1.5, "MOTH", 3.4, "AIND", 0.4, "APKN", 1.3, "ABAN", 0.4, "AOTH", 0.8, "BCRB", 0.9,
            "BAFR", 1.6, "BOTH", 0.9, "CHNE", 0.1, "OOTH", 1.5, "REFU", 0.2, "NOBT", 0.4);
    private static final TreeMap<Double, String> LONDON_ETHNIC = table("WBRI", 28, "WIRI", 1, "WOTH", 10, "WIRT", 0.5, "WROM", 1.5,
            "MWBC", 8, "MWBA", 3, "MWAS", 2.5, "MOTH", 8, "AIND", 1.5, "APKN", 1.5, "ABAN", 2.5, "AOTH", 3, "BCRB", 8,
            "BAFR", 10, "BOTH", 6, "CHNE", 0.5, "OOTH", 4, "REFU", 0.5, "NOBT", 0.5);
    private static final TreeMap<Double, String> UASC_ETHNIC = table("AOTH", 24, "BAFR", 30, "OOTH", 26, "WOTH", 10, "BOTH", 5,
            "MOTH", 3, "NOBT", 2);

    static TreeMap<Double, String> table(Object... pairs) {
        TreeMap<Double, String> table = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            total += ((Number) pairs[i + 1]).doubleValue();
        }
        double cumulative = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            cumulative += ((Number) pairs[i + 1]).doubleValue() / total;
            table.put(cumulative, (String) pairs[i]);
        }
        table.put(Double.MAX_VALUE, (String) pairs[pairs.length - 2]);
        return table;
    }

    private String pick(TreeMap<Double, String> table) {
        return table.higherEntry(random.nextDouble()).getValue();
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ---- shared date helpers -------------------------------------------------------------

    static boolean isWorkingDay(LocalDate day, Set<LocalDate> holidays) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    static LocalDate addWorkingDays(LocalDate day, int n, Set<LocalDate> holidays) {
        LocalDate d = day;
        for (int i = 0; i < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d, holidays)) {
                i++;
            }
        }
        return d;
    }

    static int age(LocalDate dob, LocalDate day) {
        return Period.between(dob, day).getYears();
    }
}
