package uk.iroinsight.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Builds one child's period of care in two steps. The constructor plans what the child's story
 * fixes by itself: how the period ends (adoption, return home, SGO, independence, 18), the
 * legal-status path (police protection or EPO, section 20, interim then full care order,
 * placement order before an adoption), temporary placements that return to the same placement,
 * and the placement for adoption. {@link StabilityPlanner} then chooses the days the child moves
 * placement ({@link Journey#moves}), which {@link #build()} walks into episodes (RNE P with a
 * reason for the change) and the reviews held on the statutory schedule.
 *
 * <p>Only codes valid in every collection year 2016-2026 are used for values that can span years
 * (PLACE, LS, CIN); year-dependent codes (REC) are chosen for the collection year of DEC.
 */
final class EpisodeBuilder {

    private final Journey journey;
    private final LocalDate horizon;
    private final SplittableRandom random;
    private final LaProfile profile;
    private final Set<LocalDate> holidays;

    /** The day after the last day in care (DEC), or the day after the horizon while still looked after. */
    private final LocalDate stop;
    /** The planned reason the period ends (before the year's code is chosen), null while open. */
    private final String reason;
    /** Legal-status changes, temporary stays and returns, the placement for adoption, by day (one a day). */
    private final TreeMap<LocalDate, Change> changes = new TreeMap<>();
    /** First day of the placement for adoption (no move on or after it), or null. */
    private final LocalDate adoptionFrom;
    /** Whether the adopters are the current foster carers (A5: the same placement continues). */
    private final boolean adoptedByCarers;

    /** A change on a day: a new legal status, or a placement event (TEMP, RETURN, ADOPT, MOVE). */
    private record Change(LocalDate day, String ls, String place, String reasonForPrevious) {
    }

    EpisodeBuilder(Journey journey, LocalDate horizon, SplittableRandom random, LaProfile profile, Set<LocalDate> holidays) {
        this.journey = journey;
        this.horizon = horizon;
        this.random = random;
        this.profile = profile;
        this.holidays = holidays;
        this.stop = journey.end != null ? journey.end : horizon.plusDays(1);
        this.reason = journey.end == null ? null : endReason();
        planLegalStatus();
        boolean adoption = reason != null && (reason.equals("E11") || reason.equals("E12"));
        LocalDate from = null;
        if (adoption) {
            long span = ChronoUnit.DAYS.between(journey.start, stop);
            LocalDate order = stop.minusDays(Math.min(span - 30, 150 + random.nextInt(200)));
            from = order.plusDays(10 + random.nextInt(20));
            changes.tailMap(order, true).clear();
            changes.put(order, new Change(order, "E1", null, null));
            if (from.isBefore(stop)) {
                changes.put(from, new Change(from, null, "ADOPT", "CARPL"));
            } else {
                from = null;
            }
        }
        this.adoptionFrom = from;
        this.adoptedByCarers = random.nextDouble() < 0.4;
        planTemporaryStays();
    }

    private void planLegalStatus() {
        LocalDate day = journey.start;
        String ls = initialLegalStatus(LaSimulation.age(journey.dob, journey.start));
        changes.put(journey.start, new Change(journey.start, ls, null, null));
        if (ls.equals("L1") || ls.equals("L2")) {
            day = journey.start.plusDays(1 + random.nextInt(20));
            ls = random.nextDouble() < 0.6 ? "C1" : "V2";
            put(new Change(day, ls, null, null));
        }
        if (ls.equals("V2") && !journey.uasc && random.nextDouble() < 0.15) {
            day = day.plusDays(30 + random.nextInt(270));
            ls = "C1";
            put(new Change(day, ls, null, null));
        }
        if (ls.equals("C1") && random.nextDouble() < 0.85) {
            put(new Change(day.plusDays(120 + random.nextInt(300)), "C2", null, null));
        }
    }

    private void planTemporaryStays() {
        LocalDate end = moveEnd();
        LocalDate t = journey.start;
        while (true) {
            t = t.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) / profile.tempRate() * 365));
            LocalDate back = t.plusDays(1 + random.nextInt(7));
            if (!back.isBefore(end)) {
                break;
            }
            if (changes.subMap(t, true, back, true).isEmpty()) {
                changes.put(t, new Change(t, null, "TEMP", "OTHER"));
                changes.put(back, new Change(back, null, "RETURN", null));
                t = back; // stays never overlap
            }
        }
    }

    private void put(Change change) {
        if (change.day().isBefore(stop)) {
            changes.putIfAbsent(change.day(), change);
        }
    }

    // ---- what the stability planner needs ------------------------------------------------------

    /** The first day on which no placement move may happen: the placement for adoption, or the end. */
    LocalDate moveEnd() {
        return adoptionFrom != null ? adoptionFrom : stop;
    }

    /**
     * Whether the child can move placement on {@code day}: after the start, before {@link #moveEnd()},
     * not on the day of another change and not during a temporary stay.
     */
    boolean canMoveOn(LocalDate day) {
        if (!day.isAfter(journey.start) || !day.isBefore(moveEnd()) || changes.containsKey(day)) {
            return false;
        }
        var before = changes.lowerEntry(day);
        return before == null || !"TEMP".equals(before.getValue().place());
    }

    /** The start of the placement for adoption when it is a new placement (not the foster carers'), else null. */
    LocalDate adoptiveNewPlacement() {
        return adoptionFrom != null && !adoptedByCarers ? adoptionFrom : null;
    }

    // ---- episodes ----------------------------------------------------------------------------

    /** Walks the planned changes and the moves into episodes, then the reviews. */
    void build() {
        boolean adoption = adoptionFrom != null;
        for (LocalDate move : journey.moves) {
            if (!canMoveOn(move)) {
                throw new IllegalStateException("planned move on " + move + " for " + journey.child + " is not possible");
            }
            changes.put(move, new Change(move, null, "MOVE", pickCode(MOVE_REASON)));
        }
        String cin = journey.uasc ? "N8" : pickCode(CIN);
        String ls = changes.get(journey.start).ls();
        Placement placement = newPlacement(journey.start, adoption);
        Placement beforeTemporary = null;
        LocalDate decom = journey.start;
        String rne = "S";
        List<Journey.Episode> episodes = journey.episodes;
        for (Change change : changes.tailMap(journey.start, false).values()) {
            if (!change.day().isBefore(stop)) {
                break;
            }
            Placement next = placement;
            String nextLs = ls;
            switch (change.place() == null ? "LS" : change.place()) {
                case "LS" -> nextLs = change.ls();
                case "MOVE" -> next = newPlacement(change.day(), adoption);
                case "TEMP" -> {
                    beforeTemporary = placement;
                    next = new Placement(pickCode(TEMPORARY), "", "XXXXXXX", "");
                }
                case "RETURN" -> {
                    next = beforeTemporary;
                    beforeTemporary = null;
                }
                case "ADOPT" -> next = adoptedByCarers
                        ? new Placement("A5", placement.provider(), placement.urn(), placement.postcode())
                        : new Placement("A6", random.nextDouble() < 0.7 ? "PR1" : "PR2", urn(), postcode());
                default -> throw new IllegalStateException(change.place());
            }
            // all reasons used are valid from 2016 (CUSTOD, valid from 2019, is not used)
            episodes.add(new Journey.Episode(decom, rne, ls, cin, placement.place(), placement.provider(), placement.urn(),
                    placement.postcode(), change.day(), "X1", change.reasonForPrevious()));
            decom = change.day();
            rne = change.ls() != null ? "L" : "P";
            ls = nextLs;
            placement = next;
        }
        String rec = reason == null ? null : recFor(reason, collectionYear(stop), ls, placement.place());
        episodes.add(new Journey.Episode(decom, rne, ls, cin, placement.place(), placement.provider(), placement.urn(),
                placement.postcode(), journey.end, rec, null));
        journey.endReason = rec;
        reviews();
    }

    /** Where a child lives: placement type, provider, Ofsted URN (XXXXXXX when not inspected), placement postcode. */
    private record Placement(String place, String provider, String urn, String postcode) {
    }

    // ---- codes -----------------------------------------------------------------------------

    private static final TreeMap<Double, String> CIN = LaSimulation.table("N1", 62, "N2", 3, "N3", 3, "N4", 8, "N5", 14, "N6", 2,
            "N7", 0.3, "N8", 7.7);
    private static final TreeMap<Double, String> MOVE_REASON = LaSimulation.table("CARPL", 34, "CREQB", 15, "CREQO", 8, "CHILD", 7,
            "LAREQ", 10, "STAND", 5, "ALLEG", 3, "CLOSE", 4, "APPRR", 1, "OTHER", 13);
    private static final TreeMap<Double, String> TEMPORARY = LaSimulation.table("T0", 2, "T1", 3, "T2", 2, "T3", 4, "T4", 6);

    private String initialLegalStatus(int age) {
        if (journey.uasc) {
            return "V2";
        }
        double u = random.nextDouble();
        if (age < 1) {
            return u < 0.55 ? "C1" : u < 0.8 ? "V2" : u < 0.9 ? "L2" : "L1";
        }
        if (age >= 10 && u < 0.05) {
            return "J1";
        }
        return u < 0.48 ? "V2" : u < 0.85 ? "C1" : u < 0.95 ? "L1" : "L2";
    }

    /** A new placement for the child's age on {@code day}; children who will be adopted are fostered. */
    private Placement newPlacement(LocalDate day, boolean adoption) {
        int age = LaSimulation.age(journey.dob, day);
        double u = random.nextDouble();
        String place;
        if (adoption) {
            place = u < 0.75 ? "U6" : u < 0.9 ? "U5" : "U3";
        } else if (age < 1) {
            place = u < 0.55 ? "U6" : u < 0.8 ? "U3" : u < 0.9 ? "U5" : u < 0.95 ? "R3" : "P1";
        } else if (age < 10) {
            place = u < 0.55 ? "U6" : u < 0.75 ? "U3" : u < 0.85 ? "U4" : u < 0.88 ? "U1" : u < 0.92 ? "K2" : "P1";
        } else if (age < 16) {
            place = u < 0.45 ? "U6" : u < 0.58 ? "U3" : u < 0.68 ? "U4" : u < 0.9 ? "K2" : u < 0.92 ? "S1" : u < 0.93 ? "K1" : "P1";
        } else {
            place = journey.uasc ? (u < 0.55 ? "U6" : u < 0.95 ? "K2" : "R1")
                    : (u < 0.35 ? "U6" : u < 0.45 ? "U3" : u < 0.52 ? "U4" : u < 0.8 ? "K2" : u < 0.85 ? "R1" : u < 0.88 ? "R5" : "P1");
        }
        String provider = switch (place) {
            case "P1" -> "PR0";
            case "U1", "U3" -> "PR1";
            case "U4", "U5", "U6" -> random.nextDouble() < 0.55 ? "PR1" : "PR4";
            case "K2", "R1" -> random.nextDouble() < 0.8 ? "PR4" : "PR1";
            case "K1" -> random.nextDouble() < 0.6 ? "PR2" : "PR1";
            case "S1" -> "PR5";
            case "R3", "R5" -> "PR3";
            default -> "PR1";
        };
        return new Placement(place, provider, place.equals("P1") || place.equals("R5") ? "XXXXXXX" : urn(), postcode());
    }

    private String urn() {
        return "9" + String.format("%06d", random.nextInt(1_000_000));
    }

    /** A synthetic postcode in the ZZ area, which does not exist. */
    private String postcode() {
        return "ZZ%d %d%c%c".formatted(1 + random.nextInt(99), random.nextInt(10), (char) ('A' + random.nextInt(26)),
                (char) ('A' + random.nextInt(26)));
    }

    private String endReason() {
        if ("AGE18".equals(journey.endReason)) {
            return journey.uasc ? pickCode(LaSimulation.table("E5", 70, "E17", 20, "E6", 10))
                    : pickCode(LaSimulation.table("E17", 45, "E5", 45, "E6", 10));
        }
        int ageAtEnd = LaSimulation.age(journey.dob, journey.end);
        long days = ChronoUnit.DAYS.between(journey.start, journey.end);
        if (journey.uasc) {
            return pickCode(LaSimulation.table("E5", 40, "E8", 25, "E16", 10, "E15", 15, "E13", 10));
        }
        if (ageAtEnd < 5 && days >= 270) {
            return pickCode(LaSimulation.table("E11", 22, "E12", 38, "SGO", 22, "E4A", 12, "E41", 6));
        }
        if (ageAtEnd < 16) {
            return pickCode(days >= 180 ? LaSimulation.table("E4A", 46, "E4B", 7, "E13", 7, "SGO", 20, "E41", 5, "E8", 8, "E3", 4, "E14", 3)
                    : LaSimulation.table("E4A", 60, "E4B", 10, "E13", 10, "E8", 12, "E3", 4, "E14", 4));
        }
        return pickCode(LaSimulation.table("E4A", 30, "E13", 15, "E5", 20, "E6", 5, "E8", 14, "E4B", 6, "E3", 4, "E9", 2, "E14", 4));
    }

    /** The reason code valid in the collection year the period ends. */
    private String recFor(String reason, int year, String ls, String place) {
        if (reason.equals("SGO")) {
            return year >= 2019 ? pickCode(LaSimulation.table("E45", 40, "E46", 10, "E47", 40, "E48", 10))
                    : (random.nextDouble() < 0.5 ? "E43" : "E44");
        }
        if (reason.equals("E14") && !ls.equals("J1")) {
            return "E4A";
        }
        if ((reason.equals("E11") || reason.equals("E12")) && !place.startsWith("A")) {
            return "E4A";
        }
        return reason;
    }

    private String pickCode(TreeMap<Double, String> table) {
        return table.higherEntry(random.nextDouble()).getValue();
    }

    static int collectionYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() + 1 : day.getYear();
    }

    // ---- reviews -----------------------------------------------------------------------------

    /**
     * Reviews on the statutory schedule (20 working days after the start, then 3 months, then every
     * 6 months; each due date from the review actually held), held early or on time with the LA's
     * timeliness for that year, otherwise late; occasionally one is missed (no row).
     */
    private void reviews() {
        LocalDate due = LaSimulation.addWorkingDays(journey.start, 20, holidays);
        LocalDate last = journey.start;
        int number = 1;
        while (true) {
            int year = collectionYear(due);
            double onTime = profile.onTime().at(year);
            LocalDate held;
            if (random.nextDouble() < onTime) {
                held = due.minusDays(random.nextInt(number == 1 ? 5 : 15));
            } else {
                held = due.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) * 18));
            }
            if (!held.isAfter(last)) {
                held = last.plusDays(1);
            }
            if (!held.isBefore(stop) || held.isAfter(horizon)) {
                break;
            }
            if (random.nextDouble() >= profile.missedRate() && !inTemporary(held)) {
                journey.reviews.add(new Journey.Review(held, participation(held, year)));
            }
            last = held;
            due = number == 1 ? held.plusMonths(3) : held.plusMonths(6);
            number++;
        }
    }

    private boolean inTemporary(LocalDate day) {
        for (Journey.Episode e : journey.episodes) {
            if (!e.decom().isAfter(day) && (e.dec() == null || !e.dec().isBefore(day))) {
                if (!e.place().startsWith("T")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The review's PN code: PN0 under 4; otherwise the child conveys views (PN1, PN2, PN3, PN5,
     * PN6, in the mix of published IRO reports, PN3 mostly for young children) with the LA's
     * participation for the year, or does not (PN4 attended without contributing, PN7 neither).
     */
    private String participation(LocalDate day, int year) {
        int age = LaSimulation.age(journey.dob, day);
        if (age < 4) {
            return "PN0";
        }
        if (random.nextDouble() >= profile.participation().at(year)) {
            return random.nextDouble() < 0.33 ? "PN4" : "PN7";
        }
        return pickCode(age < 7 ? YOUNG_VIEWS : VIEWS);
    }

    private static final TreeMap<Double, String> YOUNG_VIEWS = LaSimulation.table("PN1", 25, "PN2", 3, "PN3", 10, "PN5", 30, "PN6", 32);
    private static final TreeMap<Double, String> VIEWS = LaSimulation.table("PN1", 42, "PN2", 2, "PN3", 1, "PN5", 21, "PN6", 34);
}
