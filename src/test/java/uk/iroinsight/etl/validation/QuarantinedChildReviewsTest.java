package uk.iroinsight.etl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.iroinsight.etl.csv.CsvFile;

/**
 * A review of a quarantined child is rejected because the child is quarantined, not for a
 * reason read off its incomplete episodes (the rejected episode that covered the review is
 * missing, which made the review look like one held while not in care, or in a short break).
 */
class QuarantinedChildReviewsTest {

    private final ReturnValidator validator = ReturnValidator.withShippedRules();

    @Test
    void theReviewsOfAChildWhoseEpisodeWasRejectedSayTheChildIsQuarantined() throws Exception {
        // A: its only episode has LS blank. B: its first episode has an impossible DEC, its second is fine.
        // C: clean, but one review is held before it came into care (the rule still applies to it).
        ValidatedReturn result = validate(
                """
                CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
                A,1,01/01/2010,WBRI,UN4,,
                B,2,01/01/2012,WBRI,UN4,,
                C,1,01/01/2011,WBRI,UN4,,
                """,
                """
                CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
                A,01/05/2023,S,,N1,U6,PR1,,,,,,
                B,01/05/2023,S,C2,N1,U6,PR1,31/09/2023,X1,,,,
                B,01/10/2023,P,C2,N1,U4,PR1,,,,,,
                C,01/06/2023,S,C2,N1,U6,PR1,,,,,,
                """,
                """
                CHILD,DOB,REVIEW,REVIEW_CODE
                A,01/01/2010,01/06/2023,PN1
                B,01/01/2012,01/06/2023,PN1
                B,01/01/2012,01/12/2023,PN1
                C,01/01/2011,01/05/2023,PN1
                C,01/01/2011,01/07/2023,PN1
                """);

        List<String> reviews = result.rejections().stream().filter(r -> r.file().equals(ReturnValidator.REVIEWS))
                .map(r -> r.line() + " " + r.field() + ": " + r.reason()).toList();
        assertThat(reviews).containsExactly(
                "2 CHILD: child quarantined, none of its rows are loaded: its episode on line 2 was rejected",
                "3 CHILD: child quarantined, none of its rows are loaded: its episode on line 3 was rejected",
                "4 CHILD: child quarantined, none of its rows are loaded: its episode on line 3 was rejected",
                "5 REVIEW: is a date on which the child was not looked after (no episode covers it)");
        assertThat(result.reviews()).extracting(ReturnRecords.Review::child).containsExactly("C");
    }

    private ValidatedReturn validate(String header, String episodes, String reviews) throws Exception {
        Map<String, CsvFile> files = new LinkedHashMap<>();
        files.put(ReturnValidator.HEADER, csv(ReturnValidator.HEADER, header));
        files.put(ReturnValidator.EPISODES, csv(ReturnValidator.EPISODES, episodes));
        files.put(ReturnValidator.REVIEWS, csv(ReturnValidator.REVIEWS, reviews));
        return validator.validate("891", 2024, files);
    }

    private static CsvFile csv(String name, String text) throws Exception {
        return CsvFile.parseBytes(Path.of(name), text.getBytes(StandardCharsets.UTF_8));
    }
}
