package uk.iroinsight.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One simulated child and its single period of care: who the child is, when the period started
 * and ended (null while still looked after at the end of the simulation), its episodes and the
 * reviews held. Mutable while the simulation builds it; read-only once written.
 */
final class Journey {

    final String child;
    final int sex;
    LocalDate dob;
    final String ethnic;
    final boolean uasc;
    final LocalDate start;
    final boolean settled;
    LocalDate end;
    String endReason;
    /** True for both periods of a child who leaves and comes back (its DOB is then never adjusted). */
    boolean reentry;
    /** Days the child moves to a new placement (chosen by {@link StabilityPlanner}). */
    final TreeSet<LocalDate> moves = new TreeSet<>();
    final List<Episode> episodes = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();

    Journey(String child, int sex, LocalDate dob, String ethnic, boolean uasc, LocalDate start, boolean settled) {
        this.child = child;
        this.sex = sex;
        this.dob = dob;
        this.ethnic = ethnic;
        this.uasc = uasc;
        this.start = start;
        this.settled = settled;
    }

    /** A later period of care of the same child, starting on {@code start}. */
    Journey returning(LocalDate start) {
        Journey next = new Journey(child, sex, dob, ethnic, uasc, start, settled);
        next.reentry = true;
        reentry = true;
        return next;
    }

    LocalDate eighteenth() {
        return dob.plusYears(18);
    }

    /** One episode of care; {@code dec} null while open at the end of the simulation. */
    record Episode(LocalDate decom, String rne, String ls, String cin, String place, String provider, String urn,
            String placementPostcode, LocalDate dec, String rec, String reasonPlaceChange) {
    }

    /** One statutory review held. */
    record Review(LocalDate date, String code) {
    }
}
