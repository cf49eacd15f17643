package uk.iroinsight.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Chooses the days children move placement so that each collection year's placement stability,
 * computed from the records exactly as indicators.md §2 defines it, lands on the year's target
 * (as the stock and flow does for the counts):
 * <ul>
 * <li><b>3+ placements</b>: of the children looked after at 31 March, the target share get enough
 *     moves in the year to have had 3 or more placements in it (unsettled children and teenagers
 *     first); no other child looked after at 31 March is given a third.</li>
 * <li><b>Long-term stability</b>: of the children looked after at 31 March aged under 16 and in care
 *     since 30 September three years before, the target share keep a placement that began two
 *     years before 31 March or earlier; the planner moves just enough of the others once in the
 *     year. Years whose cohort reaches back before the loaded history are left to chance.</li>
 * </ul>
 * Everyone else moves at random at their usual rate, more seldom when the move would unsettle
 * next year's long-term cohort. Years are planned in order, so a year's plan builds on the moves
 * of the years before it.
 */
final class StabilityPlanner {

    private final List<List<Journey>> children;
    private final Map<Journey, EpisodeBuilder> builders;
    private final List<YearTargets> targets;
    private final SplittableRandom random;
    private final int firstYear;

    StabilityPlanner(List<Journey> journeys, Map<Journey, EpisodeBuilder> builders, List<YearTargets> targets, SplittableRandom random) {
        Map<String, List<Journey>> byChild = new TreeMap<>();
        for (Journey journey : journeys) {
            byChild.computeIfAbsent(journey.child, c -> new ArrayList<>()).add(journey);
        }
        byChild.values().forEach(periods -> periods.sort(Comparator.comparing((Journey p) -> p.start)));
        this.children = List.copyOf(byChild.values());
        this.builders = builders;
        this.targets = targets;
        this.random = random;
        this.firstYear = targets.get(0).year();
    }

    void plan() {
        LocalDate historyStart = yearStart(firstYear);
        for (List<Journey> periods : children) {
            for (Journey period : periods) {
                if (period.start.isBefore(historyStart)) {
                    movesAtRandom(period, period.start, historyStart.minusDays(1));
                }
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            plan(targets.get(i), i + 1 < targets.size() ? targets.get(i + 1) : null);
        }
    }

    private void plan(YearTargets target, YearTargets next) {
        int year = target.year();
        LocalDate start = yearStart(year);
        LocalDate end = yearEnd(year);
        List<List<Journey>> lookedAfter = new ArrayList<>();
        List<List<Journey>> others = new ArrayList<>();
        for (List<Journey> periods : children) {
            if (periodAt(periods, end) != null) {
                lookedAfter.add(periods);
            } else if (periods.stream().anyMatch(p -> overlaps(p, start, end))) {
                others.add(periods);
            }
        }
        Set<List<Journey>> planned = Collections.newSetFromMap(new IdentityHashMap<>());

        // 3+ placements: exactly the target number of children looked after at 31 March.
        if (!Double.isNaN(target.stability3PlusPct())) {
            int wanted = (int) Math.round(target.stability3PlusPct() / 100 * lookedAfter.size());
            int have = (int) lookedAfter.stream().filter(c -> placements(c, start, end) >= 3).count();
            // Unsettled children and teenagers first; seldom a child of this or next year's long-term cohort.
            ToDoubleFunction<List<Journey>> weight = c -> (periodAt(c, end).settled ? 1 : 4) * (age(c, end) >= 11 ? 1.5 : 1)
                    * (inCohort(c, year) && stable(c, year) ? 0.1 : inCohort(c, year + 1) ? 0.3 : 1);
            for (List<Journey> child : LaSimulation.byWeight(lookedAfter, weight, random)) {
                if (have >= wanted) {
                    break;
                }
                int count = placements(child, start, end);
                if (count >= 3) {
                    continue;
                }
                int moves = 3 - count + (random.nextDouble() < 0.25 ? 1 : 0);
                if (addMoves(periodAt(child, end), moves, start, end)) {
                    planned.add(child);
                    have++;
                }
            }
        }

        // Long-term stability: exactly the target number of the cohort stay put.
        boolean cohortKnown = year >= firstYear + 2 && !Double.isNaN(target.longTermPct());
        if (cohortKnown) {
            List<List<Journey>> cohort = lookedAfter.stream().filter(c -> inCohort(c, year)).toList();
            List<List<Journey>> stable = cohort.stream().filter(c -> stable(c, year)).toList();
            int excess = stable.size() - (int) Math.round(target.longTermPct() / 100 * cohort.size());
            for (List<Journey> child : LaSimulation.byWeight(stable, c -> periodAt(c, end).settled ? 1 : 3, random)) {
                if (excess <= 0) {
                    break;
                }
                if (placements(child, start, end) <= 1 && addMoves(periodAt(child, end), 1, start, end)) {
                    planned.add(child);
                    excess--;
                }
            }
        }

        // Everyone else at random, without changing this year's figures, and leaving enough of next
        // year's long-term cohort unmoved for next year's target (with a margin for its 3+ moves).
        int budget = Integer.MAX_VALUE;
        if (next != null && next.year() >= firstYear + 2 && !Double.isNaN(next.longTermPct())) {
            List<List<Journey>> nextCohort = lookedAfter.stream().filter(c -> inCohort(c, year + 1)).toList();
            long unmoved = nextCohort.stream().filter(c -> !movedIn(periodAt(c, end), start, end)).count();
            budget = (int) (unmoved - Math.ceil((next.longTermPct() / 100 + 0.04) * nextCohort.size()));
        }
        for (List<Journey> child : lookedAfter) {
            if (planned.contains(child) || placements(child, start, end) >= 2 || (cohortKnown && inCohort(child, year) && stable(child, year))) {
                continue;
            }
            Journey period = periodAt(child, end);
            boolean nextCohort = inCohort(child, year + 1);
            if ((!nextCohort || budget > 0) && random.nextDouble() < (period.settled ? 0.15 : 0.5) && addMoves(period, 1, start, end)
                    && nextCohort) {
                budget--;
            }
        }
        for (List<Journey> child : others) {
            for (Journey period : child) {
                if (overlaps(period, start, end)) {
                    movesAtRandom(period, period.start.isAfter(start) ? period.start : start, end);
                }
            }
        }
    }

    // ---- the figures, as the indicator SQL computes them -------------------------------------

    /** Placements open on 1 April or starting in the year, over all the child's periods. */
    private int placements(List<Journey> child, LocalDate start, LocalDate end) {
        int count = 0;
        for (Journey period : child) {
            List<LocalDate> starts = new ArrayList<>();
            starts.add(period.start);
            starts.addAll(period.moves);
            LocalDate adoptive = builders.get(period).adoptiveNewPlacement();
            if (adoptive != null) {
                starts.add(adoptive);
            }
            starts.sort(null);
            for (int i = 0; i < starts.size(); i++) {
                LocalDate placementEnd = i + 1 < starts.size() ? starts.get(i + 1) : period.end;
                if (!starts.get(i).isAfter(end) && (placementEnd == null || placementEnd.isAfter(start))) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Looked after at 31 March, under 16, and continuously since 30 September three years before. */
    private boolean inCohort(List<Journey> child, int year) {
        Journey period = periodAt(child, yearEnd(year));
        return period != null && age(child, yearEnd(year)) < 16 && !period.start.isAfter(LocalDate.of(year - 3, 9, 30));
    }

    /**
     * The current placement (for a placement for adoption, the one before it) began on or before
     * 31 March two years before.
     */
    private boolean stable(List<Journey> child, int year) {
        Journey period = periodAt(child, yearEnd(year));
        LocalDate since = period.moves.floor(yearEnd(year));
        return (since == null ? period.start : since).isBefore(yearEnd(year - 2).plusDays(1));
    }

    // ---- moves ---------------------------------------------------------------------------------

    private static boolean movedIn(Journey period, LocalDate start, LocalDate end) {
        LocalDate move = period.moves.ceiling(start);
        return move != null && !move.isAfter(end);
    }

    /** Adds {@code count} moves on free days in ({@code after}, {@code last}]; all or none. */
    private boolean addMoves(Journey period, int count, LocalDate after, LocalDate last) {
        EpisodeBuilder builder = builders.get(period);
        LocalDate low = period.start.isAfter(after) ? period.start : after;
        LocalDate high = builder.moveEnd().minusDays(1).isBefore(last) ? builder.moveEnd().minusDays(1) : last;
        long span = ChronoUnit.DAYS.between(low, high);
        if (span < count) {
            return false;
        }
        List<LocalDate> days = new ArrayList<>();
        for (int attempt = 0; attempt < 40 * count && days.size() < count; attempt++) {
            LocalDate day = low.plusDays(1 + random.nextLong(span));
            if (builder.canMoveOn(day) && !period.moves.contains(day) && !days.contains(day)) {
                days.add(day);
            }
        }
        if (days.size() < count) {
            return false;
        }
        period.moves.addAll(days);
        return true;
    }

    /** Moves as a Poisson process at the child's usual rate (a year), in ({@code after}, {@code last}]. */
    private void movesAtRandom(Journey period, LocalDate after, LocalDate last) {
        EpisodeBuilder builder = builders.get(period);
        double rate = period.settled ? 0.25 : 1.5;
        LocalDate day = after;
        while (true) {
            day = day.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) / rate * 365));
            if (day.isAfter(last) || !day.isBefore(builder.moveEnd())) {
                return;
            }
            if (builder.canMoveOn(day)) {
                period.moves.add(day);
            }
        }
    }

    // ---- dates ---------------------------------------------------------------------------------

    private static Journey periodAt(List<Journey> child, LocalDate day) {
        for (Journey period : child) {
            if (!period.start.isAfter(day) && (period.end == null || period.end.isAfter(day))) {
                return period;
            }
        }
        return null;
    }

    private static boolean overlaps(Journey period, LocalDate start, LocalDate end) {
        return !period.start.isAfter(end) && (period.end == null || !period.end.isBefore(start));
    }

    private static int age(List<Journey> child, LocalDate day) {
        return LaSimulation.age(child.get(0).dob, day);
    }

    private static LocalDate yearStart(int year) {
        return LocalDate.of(year - 1, 4, 1);
    }

    private static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 3, 31);
    }
}
