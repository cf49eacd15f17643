package uk.iroinsight.dashboards.breakdown;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import uk.iroinsight.dashboards.charts.Annotations;
import uk.iroinsight.dashboards.charts.ApexChart;
import uk.iroinsight.dashboards.charts.ChartOptions;
import uk.iroinsight.dashboards.charts.ChartType;
import uk.iroinsight.dashboards.charts.Charts;
import uk.iroinsight.dashboards.charts.Palette;
import uk.iroinsight.dashboards.charts.Series;
import uk.iroinsight.dashboards.charts.ValueFormat;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.layout.ChartCard;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.StateBar;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState;
import uk.iroinsight.dashboards.records.RecordDrill;
import uk.iroinsight.dashboards.records.RecordWords;
import uk.iroinsight.dashboards.records.RecordsView;
import uk.iroinsight.indicators.Disclosure;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;

/**
 * Breakdown (PRODUCT.md §4): for the chosen LA-year, an indicator split by one dimension (age
 * band, sex, ethnicity group, placement type, legal status; a dispute's theme, stage or outcome),
 * how children took part in their reviews (PN0 to PN7) over the years, and the year's disputes
 * with how long they took to resolve. Breakdowns come from the authority's own returns only.
 */
@PermitAll
@Route(value = MainLayout.BREAKDOWN, layout = MainLayout.class)
public class BreakdownView extends DashboardView {

    static final String DEFAULT_INDICATOR = "participation_pct";
    static final List<String> PN_SHARES = List.of("pn0_share", "pn1_share", "pn2_share", "pn3_share", "pn4_share", "pn5_share",
            "pn6_share", "pn7_share");
    /** The dispute figures the summary lists, in order. */
    static final List<String> DISPUTE_SUMMARY = List.of("disputes_raised", "disputes_per_100_cla", "disputes_formal_pct",
            "disputes_stage3plus_pct", "disputes_resolved_20wd_pct", "disputes_median_wd", "disputes_open_31mar", "cafcass_referrals",
            "good_practice_alerts");
    /** The IRO Handbook's timescale for resolving a formal dispute. */
    static final int HANDBOOK_WORKING_DAYS = 20;

    private final RecordDrill drill;

    public BreakdownView(DashboardData data, RecordDrill drill) {
        super(data);
        this.drill = drill;
        addClassName("iro-breakdown");
    }

    @Override
    protected String route() {
        return MainLayout.BREAKDOWN;
    }

    @Override
    protected ViewState complete(ViewState given) {
        Indicator indicator = snapshot.catalogue().find(given.indicator()).orElse(snapshot.indicator(DEFAULT_INDICATOR));
        return given.withIndicator(indicator.id()).withBy(Dimensions.choose(indicator, given.by()).orElse(null));
    }

    @Override
    protected void render() {
        Indicator indicator = snapshot.indicator(state.indicator());
        Authority authority = authority();
        int year = state.year();
        String where = authority.name() + ", year ending 31 March " + year;
        StateBar bar = new StateBar(snapshot, state, this::go).withAuthority().withYear().withIndicator();
        if (state.by() == null) {
            heading(indicator.title() + ": " + where);
            add(bar, noBreakdowns(indicator));
        } else {
            heading(indicator.title() + " by " + Dimensions.words(state.by()) + ": " + where);
            bar.add(dimensionChooser(indicator));
            add(bar);
            if (snapshot.isLoaded(authority.laCode(), year)) {
                add(breakdownCard(indicator, authority, year));
            } else {
                add(notLoaded(authority, year));
            }
        }
        participationCard(authority).ifPresent(this::add);
        if (snapshot.isLoaded(authority.laCode(), year)) {
            add(disputesCard(authority, year));
        }
    }

    // ------------------------------------------------------------------ the chosen breakdown

    private Select<String> dimensionChooser(Indicator indicator) {
        Select<String> by = new Select<>();
        by.setLabel("Split by");
        by.setId("choose-by");
        by.setItems(indicator.breakdowns());
        by.setItemLabelGenerator(Dimensions::label);
        by.setValue(state.by());
        by.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go(state.withBy(e.getValue()));
            }
        });
        return by;
    }

    private Component noBreakdowns(Indicator indicator) {
        Div box = new Div(new Paragraph(indicator.title() + " is not split by age band, sex or any other group: "
                + "it is worked out for the authority as a whole. These indicators can be split:"));
        box.addClassName("iro-breakdown-message");
        UnorderedList links = new UnorderedList();
        for (Indicator other : snapshot.catalogue().all()) {
            if (!other.breakdowns().isEmpty()) {
                links.add(new ListItem(link(other.title(), state.withIndicator(other.id()).withBy(other.breakdowns().get(0)))));
            }
        }
        links.addClassName("iro-breakdown-links");
        box.add(links);
        return box;
    }

    private Component notLoaded(Authority authority, int year) {
        Div box = new Div(new Paragraph("Breakdowns need the authority's own returns. For " + authority.name()
                + " in the year ending 31 March " + year + " only DfE's published figures are held, and DfE does not publish them "
                + "split by " + Dimensions.words(state.by()) + "."));
        box.addClassName("iro-breakdown-message");
        List<Integer> loaded = snapshot.years().stream().filter(y -> snapshot.isLoaded(authority.laCode(), y)).toList();
        if (!loaded.isEmpty()) {
            box.add(new Paragraph("Years loaded from " + authority.name() + "'s returns:"));
            UnorderedList links = new UnorderedList();
            loaded.forEach(y -> links.add(new ListItem(link(Tables.year(y), state.withYear(y)))));
            box.add(links);
        }
        return box;
    }

    private ChartCard breakdownCard(Indicator indicator, Authority authority, int year) {
        String dimension = state.by();
        Figure total = snapshot.la(authority.laCode(), year, indicator.id());
        ShownBreakdown shown = ShownBreakdown.of(indicator, dimension,
                data.breakdown(snapshot, authority.laCode(), year, indicator.id(), dimension), total, suppress());
        String title = indicator.title() + " by " + Dimensions.words(dimension);
        ValueFormat format = Units.chartFormat(indicator);
        ApexChart chart = new ApexChart(bars(title + ", " + authority.name() + ", " + year, format, indicator, shown)
                .withDownload(indicator.id() + "-by-" + dimension + "-" + authority.laCode() + "-" + year));
        chart.setId("breakdown-chart");
        Div body = new Div(chart);
        if (shown.categories().isEmpty()) {
            body.add(new Paragraph("There are no figures for this breakdown in " + authority.name() + "'s returns for the year."));
        }
        body.add(disclosureNote(shown.suppressedCount() > 0));
        if (drill.maySee(authority.laCode())) {
            recordLinks(indicator, authority, year, dimension).ifPresent(body::add);
        }
        ChartCard card = new ChartCard(title, body, () -> breakdownTable(indicator, authority, year, shown, total), indicator);
        card.setId("breakdown-card");
        return card;
    }

    /**
     * For an account that may see the authority's records (an ADMIN, or its own analyst): each
     * group's link to the children, reviews or disputes behind it. (RecordsView checks again.)
     */
    private java.util.Optional<Component> recordLinks(Indicator indicator, Authority authority, int year, String dimension) {
        List<DashboardData.BreakdownRow> rows = data.breakdown(snapshot, authority.laCode(), year, indicator.id(), dimension);
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        UnorderedList links = new UnorderedList();
        links.setId("records-links");
        links.addClassName("iro-breakdown-links");
        for (DashboardData.BreakdownRow row : rows) {
            RouterLink link = new RouterLink();
            link.setRoute(RecordsView.class);
            link.setQueryParameters(state.withCompare(null).withCategory(row.category()).toQueryParameters());
            link.setText(RecordWords.linkText(indicator, row));
            link.getElement().setAttribute("data-category", row.category());
            links.add(new ListItem(new Span(row.category() + ": "), link));
        }
        Div box = new Div(new Paragraph("The records behind each group (" + authority.name() + "'s own, not suppressed; "
                + "what you open is recorded in the audit trail):"), links);
        box.setId("records-box");
        return java.util.Optional.of(box);
    }

    static ChartOptions bars(String title, ValueFormat format, Indicator indicator, ShownBreakdown shown) {
        String values = shown.categories().stream()
                .map(c -> c.name() + " " + (c.shown().value() == null ? c.shown().text() : format.format(c.shown().value())))
                .collect(Collectors.joining(", "));
        String colour = Palette.OKABE_ITO.get(0);
        boolean horizontal = horizontal(shown.names());
        ChartOptions.Builder builder = ChartOptions.builder(ChartType.BAR)
                .title(title)
                .description(title + ": bar chart of " + shown.categories().size() + " groups: " + values + ".")
                .series(Series.of(indicator.title(), shown.values()))
                .categories(shown.names())
                .format(format)
                .colors(List.of(colour))
                .dataLabels(List.of(Palette.textOn(colour)))
                .tooltip(false, true)
                .plotOptions(new ChartOptions.PlotOptions(new ChartOptions.Bar(horizontal, horizontal ? "70%" : "60%"), null))
                .legend(new ChartOptions.Legend(false, null, null))
                .noData("No figures to show");
        if (horizontal) {
            builder.xTitle(Units.unitWords(indicator)).height(Math.max(320, 80 + 34 * shown.categories().size()));
        } else {
            builder.yTitle(Units.unitWords(indicator));
        }
        return builder.build();
    }

    /** Long group names (dispute themes, placement types) read across, on bars drawn across. */
    static boolean horizontal(List<String> names) {
        return names.size() > 6 || names.stream().anyMatch(name -> name.length() > 16);
    }

    private DataTable breakdownTable(Indicator indicator, Authority authority, int year, ShownBreakdown shown, Figure total) {
        String counted = Dimensions.counted(indicator).toLowerCase(java.util.Locale.ROOT);
        List<List<Cell>> rows = new ArrayList<>();
        for (ShownBreakdown.Category c : shown.categories()) {
            rows.add(List.of(Cell.text(c.name()), Cell.number(c.numerator(), c.numeratorValue()),
                    Cell.number(c.denominator(), c.denominatorValue()), Cell.number(c.shown().text(), c.shown().value())));
        }
        ShownBreakdown.Category all = ShownBreakdown.whole(indicator, "All " + counted, total, suppress());
        rows.add(List.of(Cell.text(all.name()), Cell.number(all.numerator(), all.numeratorValue()),
                Cell.number(all.denominator(), all.denominatorValue()), Cell.number(all.shown().text(), all.shown().value())));
        return new DataTable(indicator.title() + " by " + Dimensions.words(state.by()) + ": " + authority.name() + ", "
                + "year ending 31 March " + year,
                List.of(new Context("Indicator", indicator.title()), new Context("Definition", indicator.definition()),
                        new Context("Areas", authority.name()), new Context("Year", Tables.year(year)),
                        new Context("Source", "From " + authority.name() + "'s loaded returns (breakdowns are only made from records); "
                                + "the total is " + Units.source(total)),
                        new Context("Symbols", "[c] hidden to protect privacy, [x] not available, [z] not applicable"),
                        new Context("As of", Tables.asOf(snapshot.builtAt()))),
                List.of(Column.text(Dimensions.label(state.by())), Column.number("Numerator (" + counted + ")"),
                        Column.number("Denominator (" + counted + ")"), Column.number("Value (" + Units.unitWords(indicator).toLowerCase(java.util.Locale.ROOT) + ")")),
                rows);
    }

    private static Component disclosureNote(boolean any) {
        Paragraph note = new Paragraph(any
                ? "[c]: hidden to protect children's privacy (a count of 1 to 5, or a group that would let a hidden one be worked out "
                + "from the total). Hidden groups are left out of the chart."
                : "No group is small enough to need hiding.");
        note.addClassName("iro-note");
        return note;
    }

    // ------------------------------------------------------------------ participation, PN0 to PN7

    private java.util.Optional<ChartCard> participationCard(Authority authority) {
        String la = authority.laCode();
        List<Integer> years = snapshot.years().stream().filter(y -> snapshot.isLoaded(la, y)).toList();
        if (years.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<Integer, List<Shown>> mix = new LinkedHashMap<>();
        for (int year : years) {
            mix.put(year, pnMix(la, year));
        }
        List<Series> parts = new ArrayList<>();
        for (int code = 0; code < PN_SHARES.size(); code++) {
            int c = code;
            parts.add(Series.of(snapshot.indicator(PN_SHARES.get(code)).title(), years.stream().map(y -> mix.get(y).get(c).value()).toList()));
        }
        String title = "How children took part in their reviews (PN0 to PN7)";
        ApexChart chart = new ApexChart(Charts.stacked(title + ", " + authority.name(), ValueFormat.percent(0),
                years.stream().map(String::valueOf).toList(), parts)
                .withYRange(0.0, 100.0)
                .withDownload("participation-pn-mix-" + la));
        chart.setId("participation-chart");
        int latest = years.contains(state.year()) ? state.year() : years.get(years.size() - 1);
        Map<Integer, Shown> latestMix = new LinkedHashMap<>();
        for (int code = 0; code < PN_SHARES.size(); code++) {
            latestMix.put(code, mix.get(latest).get(code));
        }
        Paragraph durham = new Paragraph(DurhamReference.sentence(authority.name(), latest, latestMix,
                snapshot.show(snapshot.la(la, latest, "participation_pct"), suppress())));
        durham.setId("durham-reference");
        Paragraph intro = new Paragraph("Each bar is every review held in the year, split by the participation code the IRO recorded "
                + "(SSDA903 codes PN0 to PN7). Years shown: those loaded from " + authority.name() + "'s returns.");
        ChartCard card = new ChartCard(title, new Div(intro, chart, durham), () -> participationTable(authority, years, mix), null);
        card.setId("participation-card");
        return java.util.Optional.of(card);
    }

    /** The year's PN0-PN7 shares as shown; the codes add up to every review, so one hidden share hides another. */
    private List<Shown> pnMix(String la, int year) {
        List<Disclosure.Figure> cells = PN_SHARES.stream()
                .map(id -> snapshot.la(la, year, id).forDisclosure(snapshot.indicator(id))).toList();
        Figure reviews = snapshot.la(la, year, "reviews_held");
        return Disclosure.breakdown(cells, reviews.forDisclosure(snapshot.indicator("reviews_held")), suppress());
    }

    private DataTable participationTable(Authority authority, List<Integer> years, Map<Integer, List<Shown>> mix) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text("Year ending 31 March"));
        PN_SHARES.forEach(id -> columns.add(Column.number(snapshot.indicator(id).title() + " (%)")));
        List<List<Cell>> rows = new ArrayList<>();
        for (int year : years) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(String.valueOf(year)));
            mix.get(year).forEach(s -> row.add(Cell.number(s.text(), s.value())));
            rows.add(row);
        }
        return new DataTable("How children took part in their reviews: " + authority.name(),
                List.of(new Context("Indicator", "Share of reviews by participation code, PN0 to PN7"),
                        new Context("Definition", snapshot.indicator("pn1_share").definition().replace("attended and spoke for themselves",
                                "had each code") + " PN0: the child was under 4."),
                        new Context("Areas", authority.name()),
                        new Context("Years", years.get(0) + " to " + years.get(years.size() - 1) + " (years ending 31 March)"),
                        new Context("Source", "From " + authority.name() + "'s loaded returns (DfE does not publish these shares)"),
                        new Context("Reference", "Durham's IRO annual report 2021/22: " + DurhamReference.REVIEWS.size() + " codes, "
                                + DurhamReference.total() + " reviews (one authority's own report)"),
                        new Context("As of", Tables.asOf(snapshot.builtAt()))),
                columns, rows);
    }

    // ------------------------------------------------------------------ disputes

    private Component disputesCard(Authority authority, int year) {
        String la = authority.laCode();
        String dimension = "stage".equals(state.by()) ? "stage" : "theme";
        Indicator raised = snapshot.indicator("disputes_raised");
        Indicator median = snapshot.indicator("disputes_median_wd");
        Indicator within = snapshot.indicator("disputes_resolved_20wd_pct");
        Div section = new Div();
        section.addClassName("iro-card");
        section.setId("disputes-card");
        Figure raisedFigure = snapshot.la(la, year, raised.id());
        if (raisedFigure.status().equals("not_available")) {
            section.add(new H2("Disputes raised by IROs"), new Paragraph("There are no dispute figures for " + authority.name()
                    + " in the year ending 31 March " + year + ": they come from the IRO service's dispute log loaded with the returns."));
            return section;
        }
        ShownBreakdown byRaised = ShownBreakdown.of(raised, dimension, data.breakdown(snapshot, la, year, raised.id(), dimension), raisedFigure, suppress());
        ShownBreakdown byMedian = ShownBreakdown.of(median, dimension, data.breakdown(snapshot, la, year, median.id(), dimension),
                snapshot.la(la, year, median.id()), suppress());
        ShownBreakdown byWithin = ShownBreakdown.of(within, dimension, data.breakdown(snapshot, la, year, within.id(), dimension),
                snapshot.la(la, year, within.id()), suppress());

        String title = "Time to resolve disputes by " + Dimensions.words(dimension);
        ChartOptions options = bars(title + ", " + authority.name() + ", " + year, ValueFormat.count(), median, byMedian)
                .withDownload("disputes-median-days-by-" + dimension + "-" + la + "-" + year);
        if (!horizontal(byMedian.names())) {
            // (a line across the value axis; bars drawn across would need it down the plot instead)
            options = options.withAnnotations(Annotations.of(List.of(Annotations.line(HANDBOOK_WORKING_DAYS,
                    "IRO Handbook: " + HANDBOOK_WORKING_DAYS + " working days")), List.of()));
        }
        ApexChart chart = new ApexChart(options);
        chart.setId("disputes-chart");

        Div body = new Div();
        body.add(new Paragraph("The year's disputes at a glance, from " + authority.name() + "'s dispute log:"));
        UnorderedList summary = new UnorderedList();
        summary.setId("disputes-summary");
        for (String id : DISPUTE_SUMMARY) {
            Indicator each = snapshot.indicator(id);
            Shown shown = snapshot.show(snapshot.la(la, year, id), suppress());
            Span value = new Span(Units.withUnit(shown, each));
            value.addClassName("iro-summary-value");
            summary.add(new ListItem(new Span(each.title() + ": "), value));
        }
        body.add(summary);
        body.add(new Paragraph("Median working days from being raised to being resolved, for each " + Dimensions.words(dimension)
                + ", against the IRO Handbook's timescale of " + HANDBOOK_WORKING_DAYS + " working days for a formal dispute. "
                + "The table adds how many were raised and the share of formal disputes resolved within that timescale."));
        body.add(chart);
        Paragraph explore = new Paragraph();
        explore.add(new Span("See disputes raised by "));
        links(explore, raised, raised.breakdowns());
        explore.add(new Span(", or the time to resolve them by "));
        links(explore, median, median.breakdowns());
        explore.add(new Span("."));
        body.add(explore);
        ChartCard card = new ChartCard(title, body, () -> disputesTable(authority, year, dimension, byRaised, byMedian, byWithin), median);
        card.setId("disputes-card");
        return card;
    }

    private DataTable disputesTable(Authority authority, int year, String dimension, ShownBreakdown raised, ShownBreakdown median,
                                    ShownBreakdown within) {
        Map<String, Cell[]> rows = new LinkedHashMap<>();
        for (ShownBreakdown.Category c : raised.categories()) {
            rows.computeIfAbsent(c.name(), k -> blank())[0] = Cell.number(c.shown().text(), c.shown().value());
        }
        for (ShownBreakdown.Category c : within.categories()) {
            rows.computeIfAbsent(c.name(), k -> blank())[1] = Cell.number(c.shown().text(), c.shown().value());
        }
        for (ShownBreakdown.Category c : median.categories()) {
            rows.computeIfAbsent(c.name(), k -> blank())[2] = Cell.number(c.shown().text(), c.shown().value());
        }
        List<List<Cell>> table = new ArrayList<>();
        rows.forEach((name, cells) -> {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(name));
            row.addAll(List.of(cells));
            table.add(row);
        });
        return new DataTable("Disputes by " + Dimensions.words(dimension) + ": " + authority.name() + ", "
                + "year ending 31 March " + year,
                List.of(new Context("Indicator", raised.indicator().title() + "; " + within.indicator().title() + "; " + median.indicator().title()),
                        new Context("Definition", raised.indicator().definition() + " " + within.indicator().definition() + " "
                                + median.indicator().definition()),
                        new Context("Areas", authority.name()), new Context("Year", Tables.year(year)),
                        new Context("Source", "From " + authority.name() + "'s loaded dispute log"),
                        new Context("Symbols", "[c] hidden to protect privacy, [x] not available"),
                        new Context("As of", Tables.asOf(snapshot.builtAt()))),
                List.of(Column.text(Dimensions.label(dimension)), Column.number("Disputes raised"),
                        Column.number("Formal disputes resolved within 20 working days (%)"), Column.number("Median working days to resolve")),
                table);
    }

    private static Cell[] blank() {
        Cell none = Cell.number(Disclosure.NOT_AVAILABLE, null);
        return new Cell[] {none, none, none};
    }

    /** "theme, stage reached or outcome", each a link to that breakdown of the indicator. */
    private void links(Paragraph into, Indicator indicator, List<String> dimensions) {
        for (int i = 0; i < dimensions.size(); i++) {
            if (i > 0) {
                into.add(new Span(i == dimensions.size() - 1 ? " or " : ", "));
            }
            into.add(link(Dimensions.words(dimensions.get(i)), state.withIndicator(indicator.id()).withBy(dimensions.get(i))));
        }
    }

    private static RouterLink link(String text, ViewState target) {
        RouterLink link = new RouterLink();
        link.setRoute(BreakdownView.class);
        link.setQueryParameters(target.toQueryParameters());
        link.setText(text);
        return link;
    }
}
