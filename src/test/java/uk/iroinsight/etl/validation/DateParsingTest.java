package uk.iroinsight.etl.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Row#parseDate} reads the usual shapes by hand; it must say exactly what the strict
 * formatters say, for good dates, impossible ones and junk alike.
 */
class DateParsingTest {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private static LocalDate byFormatter(String value) {
        try {
            return value.contains("-") ? LocalDate.parse(value, ISO) : LocalDate.parse(value, UK);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void everyDayMonthAndEdgeYearAgreesWithTheFormatter() {
        List<String> values = new ArrayList<>();
        for (String year : List.of("2024", "2023", "1900", "2000", "2100", "0000", "0001", "9999", "202", "20245", "+2024", "-202")) {
            for (int month = -1; month <= 13; month++) {
                for (int day = -1; day <= 32; day++) {
                    for (String m : List.of(String.valueOf(month), String.format("%02d", Math.max(month, 0)))) {
                        for (String d : List.of(String.valueOf(day), String.format("%02d", Math.max(day, 0)), "00" + day)) {
                            values.add(d + "/" + m + "/" + year);
                            values.add(year + "-" + m + "-" + d);
                        }
                    }
                }
            }
        }
        int good = 0;
        for (String value : values) {
            LocalDate expected = byFormatter(value);
            assertEquals(expected, Row.parseDate(value), value);
            good += expected == null ? 0 : 1;
        }
        // the cases cover both outcomes in quantity
        org.junit.jupiter.api.Assertions.assertTrue(good > 3000 && good < values.size() - 3000, good + " of " + values.size());
    }

    @Test
    void junkAgreesWithTheFormatter() {
        Random random = new Random(903);
        String alphabet = "0123456789/-- /1a+\u00a3\u0661";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(byFormatter(value.toString()), Row.parseDate(value.toString()), value.toString());
        }
        assertEquals(LocalDate.of(2024, 2, 29), Row.parseDate("29/02/2024"));
        assertEquals(null, Row.parseDate("29/02/2023"));
        assertEquals(null, Row.parseDate("31/04/2024"));
        assertEquals(LocalDate.of(2024, 4, 1), Row.parseDate("2024-04-01"));
    }
}
