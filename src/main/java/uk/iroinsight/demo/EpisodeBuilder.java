package uk.iroinsight.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Builds one child's episodes along its period of care (start with RNE S, placement moves P with
 * a reason for the change, legal-status changes L, temporary placements that return to the same
 * placement, a placement for adoption before an adoption) and the reviews held on the statutory
 * schedule. Only codes valid in every collection year 2016-2026 are used for values that can
 * span years (PLACE, LS, CIN); year-dependent codes (REC, REASON_PLACE_CHANGE) are chosen for
 * the collection year of DEC.
 */
final class EpisodeBuilder {

    private final Journey journey;
    private final LocalDate horizon;
    private final SplittableRandom random;
    private final LaProfile profile;
    private final Set<LocalDate> holidays;

    EpisodeBuilder(Journey journey, LocalDate horizon, SplittableRandom random, LaProfile profile, Set<LocalDate> holidays) {
        this.journey = journey;
        this.horizon = horizon;
        this.random = random;
        this.profile = profile;
        this.holidays = holidays;
    }

    /** A change on a day: a new legal status, a new placement, or both. */
    private record Change(LocalDate day, String ls, String place, String provider, String urn, String rne, String reasonForPrevious) {
    }

    void build() {
        LocalDate stop = journey.end != null ? journey.end : horizon.plusDays(1);
        int ageAtStart = LaSimulation.age(journey.dob, journey.start);
        String reason = journey.end == null ? null : endReason(ageAtStart);
        String ls = initialLegalStatus(ageAtStart);
        String cin = journey.uasc ? "N8" : pickCode(CIN);
        String[] placement = newPlacement(LaSimulation.age(journey.dob, journey.start), null);

        // Changes along the period, day by day, at most one a day.
        TreeMap<LocalDate, Change> changes = new TreeMap<>();
        LocalDate day = journey.start;
        String currentLs = ls;
        // legal status path
        if (currentLs.equals("L1") || currentLs.equals("L2")) {
            LocalDate d = journey.start.plusDays(1 + random.nextInt(20));
            currentLs = random.nextDouble() < 0.6 ? "C1" : "V2";
            put(changes, new Change(d, currentLs, null, null, null, "L", null), stop);
            day = d;
        }
        if (currentLs.equals("V2") && !journey.uasc && random.nextDouble() < 0.15) {
            LocalDate d = day.plusDays(30 + random.nextInt(270));
            currentLs = "C1";
            put(changes, new Change(d, currentLs, null, null, null, "L", null), stop);
            day = d;
        }
        if (currentLs.equals("C1") && random.nextDouble() < 0.85) {
            LocalDate d = day.plusDays(120 + random.nextInt(300));
            put(changes, new Change(d, "C2", null, null, null, "L", null), stop);
        }
        boolean adoption = reason != null && (reason.equals("E11") || reason.equals("E12"));
        LocalDate adoptionFrom = null;
        if (adoption) {
            long span = ChronoUnit.DAYS.between(journey.start, stop);
            LocalDate order = stop.minusDays(Math.min(span - 30, 150 + random.nextInt(200)));
            adoptionFrom = order.plusDays(10 + random.nextInt(20));
            changes.tailMap(order, true).clear();
            changes.put(order, new Change(order, "E1", null, null, null, "L", null));
        }
        // placement moves (Poisson) and temporary placements
        double rate = journey.settled ? profile.settledMoveRate() : profile.unsettledMoveRate();
        LocalDate end = adoptionFrom != null ? adoptionFrom : stop;
        LocalDate t = journey.start;
        while (true) {
            t = t.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) / rate * 365));
            if (!t.isBefore(end)) {
                break;
            }
            if (!changes.containsKey(t)) {
                changes.put(t, new Change(t, null, "MOVE", null, null, "P", pickCode(MOVE_REASON)));
            }
        }
        t = journey.start;
        while (true) {
            t = t.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) / profile.tempRate() * 365));
            LocalDate back = t.plusDays(1 + random.nextInt(7));
            if (!back.isBefore(end)) {
                break;
            }
            if (changes.subMap(t, true, back, true).isEmpty()) {
                changes.put(t, new Change(t, null, "TEMP", null, null, "P", "OTHER"));
                changes.put(back, new Change(back, null, "RETURN", null, null, "P", null));
            }
        }
        if (adoption && adoptionFrom.isBefore(stop) && !changes.containsKey(adoptionFrom)) {
            changes.put(adoptionFrom, new Change(adoptionFrom, null, "ADOPT", null, null, "P", "CARPL"));
        }

        // Walk the changes into episodes.
        LocalDate decom = journey.start;
        String rne = "S";
        String[] before = null;
        List<Journey.Episode> episodes = journey.episodes;
        for (Change change : changes.values()) {
            if (!change.day().isAfter(decom) || !change.day().isBefore(stop)) {
                continue;
            }
            String[] next = placement;
            String nextLs = ls;
            String reasonForPrevious = null;
            if (change.ls() != null) {
                nextLs = change.ls();
            } else if ("MOVE".equals(change.place())) {
                next = newPlacement(LaSimulation.age(journey.dob, change.day()), placement);
                reasonForPrevious = change.reasonForPrevious();
            } else if ("TEMP".equals(change.place())) {
                before = placement;
                next = new String[] {pickCode(TEMPORARY), "", "XXXXXXX"};
                reasonForPrevious = "OTHER";
            } else if ("RETURN".equals(change.place())) {
                if (before == null) {
                    continue;
                }
                next = before;
                before = null;
            } else if ("ADOPT".equals(change.place())) {
                boolean foster = placement[0].startsWith("U");
                next = new String[] {foster && random.nextDouble() < 0.4 ? "A5" : "A6", random.nextDouble() < 0.7 ? "PR1" : "PR2", urn()};
                reasonForPrevious = "CARPL";
            }
            if (placement[0].startsWith("T") && !"RETURN".equals(change.place()) && change.ls() == null) {
                continue; // no move straight out of a temporary placement other than back
            }
            episodes.add(new Journey.Episode(decom, rne, ls, cin, placement[0], placement[1], placement[2], change.day(), "X1",
                    reasonForPrevious)); // all reasons used are valid from 2016 (CUSTOD, valid from 2019, is not used)
            decom = change.day();
            rne = change.ls() != null ? "L" : "P";
            ls = nextLs;
            placement = next;
        }
        String rec = reason == null ? null : recFor(reason, collectionYear(stop), ls, placement);
        episodes.add(new Journey.Episode(decom, rne, ls, cin, placement[0], placement[1], placement[2], journey.end, rec, null));
        journey.endReason = rec;
        reviews(stop);
    }

    private void put(TreeMap<LocalDate, Change> changes, Change change, LocalDate stop) {
        if (change.day().isBefore(stop)) {
            changes.putIfAbsent(change.day(), change);
        }
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

    /** {place, provider, urn}; avoids repeating the current placement type's carer. */
    private String[] newPlacement(int age, String[] current) {
        double u = random.nextDouble();
        String place;
        if (age < 1) {
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
        return new String[] {place, provider, place.equals("P1") || place.equals("R5") ? "XXXXXXX" : urn()};
    }

    private String urn() {
        return "9" + String.format("%06d", random.nextInt(1_000_000));
    }

    private String endReason(int ageAtStart) {
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
    private String recFor(String reason, int year, String ls, String[] placement) {
        if (reason.equals("SGO")) {
            return year >= 2019 ? pickCode(LaSimulation.table("E45", 40, "E46", 10, "E47", 40, "E48", 10))
                    : (random.nextDouble() < 0.5 ? "E43" : "E44");
        }
        if (reason.equals("E14") && !ls.equals("J1")) {
            return "E4A";
        }
        if ((reason.equals("E11") || reason.equals("E12")) && !placement[0].startsWith("A")) {
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
    private void reviews(LocalDate stop) {
        LocalDate due = LaSimulation.addWorkingDays(journey.start, 20, holidays);
        LocalDate last = journey.start;
        LocalDate limit = journey.end != null ? journey.end : horizon.plusDays(1);
        int number = 1;
        while (true) {
            int year = collectionYear(due);
            double onTime = Math.max(0.4, Math.min(0.995, profile.onTimeRate() + profile.onTimeTrend() * (year - 2020)));
            LocalDate held;
            if (random.nextDouble() < onTime) {
                held = due.minusDays(random.nextInt(number == 1 ? 5 : 15));
            } else {
                held = due.plusDays(1 + Math.round(-Math.log(1 - random.nextDouble()) * 18));
            }
            if (!held.isAfter(last)) {
                held = last.plusDays(1);
            }
            if (!held.isBefore(limit) || held.isAfter(horizon)) {
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

    private String participation(LocalDate day, int year) {
        int age = LaSimulation.age(journey.dob, day);
        if (age < 4) {
            return "PN0";
        }
        double culture = Math.max(0.3, profile.participation() + profile.participationTrend() * (year - 2020));
        double attend = (age < 7 ? 0.15 : age < 12 ? 0.45 : 0.38) * culture;
        return pickCode(LaSimulation.table("PN1", attend, "PN2", 0.08 * culture, "PN3", age < 7 ? 0.1 : 0.02, "PN4", 0.05,
                "PN5", 0.15, "PN6", 0.17, "PN7", 0.14 / culture));
    }
}
