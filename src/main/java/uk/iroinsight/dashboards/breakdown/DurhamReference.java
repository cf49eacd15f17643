package uk.iroinsight.dashboards.breakdown;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import uk.iroinsight.indicators.Disclosure.Shown;

/**
 * A published reference point for the PN0-PN7 mix: Durham County Council's IRO annual report for
 * 2021/22 (year ending 31 March 2022), as recorded in {@code ../shared/data/README.md} ("Figures
 * from public IRO annual reports"): reviews by participation code PN0 561, PN1 968, PN2 40, PN3
 * 9, PN4 19, PN5 493, PN6 783, PN7 38. It is one authority's own report, not a comparator
 * computed the way the marts compute theirs, and the page says so.
 */
final class DurhamReference {

    /** Reviews by code, PN0 to PN7. */
    static final List<Integer> REVIEWS = List.of(561, 968, 40, 9, 19, 493, 783, 38);

    /** The codes whose child's views were conveyed (participation_pct's numerator): PN1, PN2, PN3, PN5, PN6. */
    private static final List<Integer> CONVEYED = List.of(1, 2, 3, 5, 6);

    /** How many of Durham's largest codes the sentence names. */
    private static final int NAMED = 4;

    private DurhamReference() {
    }

    static int total() {
        return REVIEWS.stream().mapToInt(Integer::intValue).sum();
    }

    /** PN{code}'s share of all Durham's reviews, per cent. */
    static double share(int code) {
        return 100.0 * REVIEWS.get(code) / total();
    }

    /** Of Durham's reviews of children aged 4 or over (PN1-PN7), the percentage where the child's views were conveyed. */
    static double conveyed() {
        int over4 = total() - REVIEWS.get(0);
        return 100.0 * CONVEYED.stream().mapToInt(REVIEWS::get).sum() / over4;
    }

    /** Durham's codes from the largest share down. */
    static List<Integer> largestFirst() {
        return IntStream.range(0, REVIEWS.size()).boxed()
                .sorted(Comparator.comparing((Integer code) -> REVIEWS.get(code)).reversed()).toList();
    }

    /**
     * "In Durham's IRO report for 2021/22, 33.3% of its 2911 reviews were PN1, 26.9% PN6, 19.3% PN0
     * and 16.9% PN5, and children's views were conveyed at 97.6% of the reviews of children aged 4
     * or over. In Nottinghamshire in the year ending 31 March 2024: 41.0% PN1, ...; views conveyed
     * at 95.2%."
     *
     * @param shares       the authority's PN shares as shown, by code 0-7 ("[c]" where hidden)
     * @param participation its participation_pct as shown
     */
    static String sentence(String authority, int year, Map<Integer, Shown> shares, Shown participation) {
        List<Integer> codes = largestFirst().subList(0, NAMED);
        List<String> durham = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (int code : codes) {
            durham.add(percent(share(code)) + (durham.isEmpty() ? " of its " + String.format(java.util.Locale.UK, "%,d", total()) + " reviews were " : " ") + "PN" + code);
            Shown shown = shares.get(code);
            own.add((shown == null ? "[x]" : withPercent(shown)) + " PN" + code);
        }
        return "In Durham's published IRO annual report for 2021/22, " + list(durham)
                + ", and children's views were conveyed at " + percent(conveyed()) + " of the reviews of children aged 4 or over. "
                + "In " + authority + " in the year ending 31 March " + year + ": " + list(own)
                + "; views conveyed at " + withPercent(participation) + ". "
                + "Durham's figures are a reference point from one authority's own report, not a comparator worked out the same way.";
    }

    private static String withPercent(Shown shown) {
        return shown.value() == null ? shown.text() : shown.text() + "%";
    }

    private static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String list(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
