package uk.iroinsight.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes an authority's simulated children as one return per collection year in the loader's
 * layouts: every episode open at any time in the year with its original DECOM (DEC and REC blank
 * when still open at 31 March), every child with such an episode in the header, the reviews
 * held in the year, UASC rows, and the IRO service's dispute log and 31 March workforce snapshot.
 */
final class ReturnWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

    private final String la;
    /** Each child's periods of care, in start order; children in id order. */
    private final List<List<Journey>> children;
    private final LaProfile profile;
    private final SplittableRandom random;

    ReturnWriter(String la, List<Journey> journeys, LaProfile profile, SplittableRandom random) {
        this.la = la;
        java.util.Map<String, List<Journey>> byChild = new java.util.TreeMap<>();
        for (Journey j : journeys) {
            byChild.computeIfAbsent(j.child, c -> new ArrayList<>()).add(j);
        }
        byChild.values().forEach(periods -> periods.sort(java.util.Comparator.comparing((Journey p) -> p.start)));
        this.children = List.copyOf(byChild.values());
        this.profile = profile;
        this.random = random;
    }

    void write(Path folder, int year) throws IOException {
        LocalDate yearStart = LocalDate.of(year - 1, 4, 1);
        LocalDate yearEnd = LocalDate.of(year, 3, 31);
        StringBuilder header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        StringBuilder episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
        StringBuilder reviews = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\n");
        StringBuilder uasc = new StringBuilder("CHILD,SEX,DOB,DUC\n");
        List<Journey> inYear = new ArrayList<>();
        int claAt31March = 0;
        for (List<Journey> periods : children) {
            Journey j = periods.get(0);
            boolean any = false;
            boolean inCareAt31March = false;
            for (Journey period : periods) {
                if (period.start.isAfter(yearEnd) || (period.end != null && period.end.isBefore(yearStart))) {
                    continue;
                }
                inCareAt31March |= period.end == null || period.end.isAfter(yearEnd);
                for (Journey.Episode e : period.episodes) {
                    if (e.decom().isAfter(yearEnd) || (e.dec() != null && e.dec().isBefore(yearStart))) {
                        continue;
                    }
                    any = true;
                    boolean open = e.dec() == null || e.dec().isAfter(yearEnd);
                    episodes.append(j.child).append(',').append(date(e.decom())).append(',').append(e.rne()).append(',').append(e.ls())
                            .append(',').append(e.cin()).append(',').append(e.place()).append(',').append(e.provider()).append(',')
                            .append(open ? "" : date(e.dec())).append(',').append(open ? "" : e.rec()).append(',')
                            .append(open || e.reasonPlaceChange() == null ? "" : e.reasonPlaceChange()).append(",,")
                            .append(e.placementPostcode()).append(',').append(e.urn()).append('\n');
                }
            }
            if (!any) {
                continue;
            }
            inYear.add(j);
            if (inCareAt31March) {
                claAt31March++;
            }
            int age = LaSimulation.age(j.dob, yearEnd);
            String upn = j.uasc ? "UN2" : age < 5 ? "UN1" : "DEMO%s%06d".formatted(la, Integer.parseInt(j.child.substring(j.child.lastIndexOf('-') + 1)));
            header.append(j.child).append(',').append(j.sex).append(',').append(date(j.dob)).append(',').append(j.ethnic).append(',')
                    .append(upn).append(",,\n");
            for (Journey period : periods) {
                for (Journey.Review r : period.reviews) {
                    if (!r.date().isBefore(yearStart) && !r.date().isAfter(yearEnd)) {
                        reviews.append(j.child).append(',').append(date(j.dob)).append(',').append(date(r.date())).append(',').append(r.code()).append('\n');
                    }
                }
            }
            if (j.uasc) {
                uasc.append(j.child).append(',').append(j.sex).append(',').append(date(j.dob)).append(',').append(date(j.eighteenth())).append('\n');
            }
        }
        Files.createDirectories(folder);
        write(folder.resolve("header.csv"), header);
        write(folder.resolve("episodes.csv"), episodes);
        write(folder.resolve("reviews.csv"), reviews);
        write(folder.resolve("uasc.csv"), uasc);
        write(folder.resolve("disputes.csv"), disputes(year, yearStart, yearEnd, inYear, claAt31March));
        write(folder.resolve("workforce.csv"), workforce(yearEnd, claAt31March));
    }

    private static final TreeMap<Double, String> THEMES = LaSimulation.table("CARE_PLAN_DRIFT", 22, "PERMANENCE_DELAY", 14,
            "PLACEMENT", 14, "REVIEW_PROCESS", 8, "DECISION_NOT_IMPLEMENTED", 14, "HEALTH", 5, "EDUCATION", 7, "FAMILY_TIME", 6,
            "PATHWAY_PLANNING", 4, "STATUTORY_VISITS", 4, "OTHER", 2);
    private static final TreeMap<Double, String> STAGES = LaSimulation.table("INFORMAL", 64, "1", 21, "2", 10, "3", 4, "4", 1);
    private static final TreeMap<Double, String> OUTCOMES = LaSimulation.table("RESOLVED", 70, "PARTLY_RESOLVED", 17, "NOT_RESOLVED", 7,
            "WITHDRAWN", 6);

    private StringBuilder disputes(int year, LocalDate yearStart, LocalDate yearEnd, List<Journey> inYear, int cla) {
        StringBuilder out = new StringBuilder("DISPUTE_ID,CHILD,TYPE,RAISED,THEME,STAGE_REACHED,STAGE1_DATE,CAFCASS,RESOLVED,OUTCOME\n");
        double multiplier = profile.disputeMultiplier().at(year);
        boolean spike = multiplier > 1; // a spike is mostly about drifting care plans
        double rate = profile.disputesPer100() * multiplier;
        int count = (int) Math.round(cla * rate / 100 * (0.85 + 0.3 * random.nextDouble()));
        for (int n = 1; n <= count && !inYear.isEmpty(); n++) {
            LocalDate raised = yearStart.plusDays(random.nextInt(365));
            String child = "";
            if (random.nextDouble() < 0.95) {
                Journey j = inYear.get(random.nextInt(inYear.size()));
                child = j.child;
            }
            boolean concern = random.nextDouble() < 0.85;
            String id = "D-%s-%d-%04d".formatted(la, year, n);
            if (!concern) {
                out.append(id).append(',').append(child).append(",GOOD_PRACTICE,").append(date(raised)).append(',')
                        .append(random.nextDouble() < 0.5 ? THEMES.higherEntry(random.nextDouble()).getValue() : "").append(",INFORMAL,,N,,\n");
                continue;
            }
            String stage = STAGES.higherEntry(random.nextDouble()).getValue();
            LocalDate stage1 = stage.equals("INFORMAL") ? null : raised.plusDays(3 + random.nextInt(18));
            int rank = stage.equals("INFORMAL") ? 0 : Integer.parseInt(stage);
            long days = Math.round(Math.exp(Math.log(12 + 6 * rank) + 0.7 * gaussian()));
            LocalDate resolved = (stage1 != null ? stage1 : raised).plusDays(Math.max(0, days - (stage1 == null ? 0 : ChronoUnit.DAYS.between(raised, stage1))));
            boolean open = resolved.isAfter(yearEnd);
            boolean cafcass = random.nextDouble() < (rank >= 3 ? 0.2 : 0.01);
            out.append(id).append(',').append(child).append(",CONCERN,").append(date(raised)).append(',')
                    .append(spike && random.nextDouble() < 0.5 ? "CARE_PLAN_DRIFT" : THEMES.higherEntry(random.nextDouble()).getValue())
                    .append(',').append(stage).append(',')
                    .append(stage1 == null ? "" : date(stage1)).append(',').append(cafcass ? 'Y' : 'N').append(',')
                    .append(open ? "" : date(resolved)).append(',').append(open ? "" : OUTCOMES.higherEntry(random.nextDouble()).getValue())
                    .append('\n');
        }
        return out;
    }

    private StringBuilder workforce(LocalDate yearEnd, int cla) {
        double caseload = profile.caseload().at(EpisodeBuilder.collectionYear(yearEnd)) * (0.9 + 0.2 * random.nextDouble());
        double fte = Math.max(0.1, Math.round(cla / caseload * 10) / 10.0);
        double agency = Math.min(fte, Math.round(fte * profile.agencyShare() * 10) / 10.0);
        double vacant = Math.round(random.nextDouble() * fte * 0.15 * 10) / 10.0;
        int headcount = (int) Math.ceil(fte * (1 + 0.15 * random.nextDouble()));
        return new StringBuilder("DATE,IRO_FTE,IRO_HEADCOUNT,VACANT_FTE,AGENCY_FTE\n").append(date(yearEnd)).append(',')
                .append(decimal(fte)).append(',').append(headcount).append(',').append(decimal(vacant)).append(',').append(decimal(agency)).append('\n');
    }

    private double gaussian() {
        return random.nextGaussian();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String date(LocalDate day) {
        return DATE.format(day);
    }

    private static void write(Path file, CharSequence text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
