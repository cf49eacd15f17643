package uk.iroinsight.dashboards.scorecard;

import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.export.DownloadLinks;
import uk.iroinsight.dashboards.export.TableView;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.StateBar;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.overview.FigureWords;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Figures;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Part;
import uk.iroinsight.dashboards.scorecard.ScorecardSentences.Row;
import uk.iroinsight.indicators.Indicator;

/**
 * The members' scorecard (PRODUCT.md §1, elected members): one printable page in plain English
 * for an LA-year, a sentence per key indicator of {@value Scorecard#RESOURCE} comparing the
 * authority with similar councils and England and with last year, what the symbols mean and
 * where the figures come from. Small numbers are always suppressed: it is printed and shared.
 */
@PermitAll
@Route(value = MainLayout.SCORECARD, layout = MainLayout.class)
public class ScorecardView extends DashboardView {

    private final Scorecard scorecard;

    public ScorecardView(DashboardData data, Scorecard scorecard) {
        super(data);
        this.scorecard = scorecard;
        addClassName("iro-scorecard-view");
    }

    @Override
    protected String route() {
        return MainLayout.SCORECARD;
    }

    /** Members' printouts are aggregates: small numbers are suppressed whoever prints them. */
    @Override
    protected boolean suppress() {
        return true;
    }

    @Override
    protected void render() {
        Authority authority = authority();
        int year = state.year();
        heading("Corporate parenting scorecard: " + authority.name() + ", " + (year - 1) + " to " + year);
        StateBar bar = new StateBar(snapshot, state, this::go).withAuthority().withYear();
        bar.addClassName("iro-no-print");
        Button print = new Button("Print", e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("print-scorecard");
        print.addClassName("iro-no-print");
        bar.add(print);
        add(bar);
        add(new Paragraph("How " + authority.name() + " is doing for the children it looks after, compared with similar "
                + "councils (its statistical neighbours) and England, in the year ending 31 March " + year
                + ", and how that has changed since the year before."));

        List<Row> rows = rows(authority, year);
        OrderedList list = new OrderedList();
        list.addClassName("iro-scorecard");
        list.setId("scorecard");
        for (Row row : rows) {
            list.add(item(row));
        }
        add(section("Key figures", list));
        add(section("What the symbols mean", symbols()));
        add(section("Where the figures come from", sources(authority, rows)));
        add(table(authority, year, rows));
    }

    private List<Row> rows(Authority authority, int year) {
        List<Row> rows = new ArrayList<>();
        for (Scorecard.Item item : scorecard.items()) {
            Indicator indicator = snapshot.indicator(item.id());
            Figures figures = new Figures(snapshot.la(authority.laCode(), year, item.id()),
                    snapshot.la(authority.laCode(), year - 1, item.id()), snapshot.snMean(authority.laCode(), year, item.id()),
                    authority.neighbours().size(), snapshot.england(year, item.id()), snapshot.authorities().size());
            rows.add(ScorecardSentences.row(item, indicator, figures, suppress()));
        }
        return rows;
    }

    private static ListItem item(Row row) {
        Paragraph sentence = new Paragraph();
        sentence.addClassName("iro-scorecard-sentence");
        for (Part part : row.sentence()) {
            Span span = new Span(part.text());
            if (part.symbol()) {
                span.addClassName("iro-symbol");
                span.getElement().setAttribute("aria-hidden", "true");
            }
            sentence.add(span);
        }
        ListItem item = new ListItem(sentence);
        item.setId("scorecard-" + row.item().id());
        item.addClassName("iro-scorecard-row");
        if (row.item().why() != null) {
            Paragraph why = new Paragraph(row.item().why());
            why.addClassName("iro-scorecard-why");
            item.add(why);
        }
        return item;
    }

    private static Div symbols() {
        UnorderedList key = new UnorderedList(
                new ListItem("▲ better than: the figure is better than the one it is compared with."),
                new ListItem("▼ worse than: the figure is worse than the one it is compared with."),
                new ListItem("= the same as: the two figures are the same to one decimal place."),
                new ListItem("↑ improving, ↓ getting worse, → no change: how the figure has moved since last year."),
                new ListItem("Where neither a higher nor a lower figure is better (how many children are in care, for "
                        + "example), the scorecard says \"higher than\" or \"lower than\" without a symbol, and \"up\" or "
                        + "\"down\" since last year."),
                new ListItem("Not shown: fewer than 6 children (or reviews, or disputes). Figures about so few children "
                        + "are not shown, so that no child can be identified."),
                new ListItem("Not available: there is no figure, for example because the return was not loaded."));
        return new Div(key);
    }

    private Div sources(Authority authority, List<Row> rows) {
        Map<String, List<String>> bySource = new TreeMap<>();
        for (Row row : rows) {
            if (!row.source().isEmpty()) {
                bySource.computeIfAbsent(row.source(), k -> new ArrayList<>()).add(row.item().label());
            }
        }
        UnorderedList list = new UnorderedList();
        bySource.forEach((source, labels) -> list.add(new ListItem(authority.name() + "'s figures "
                + (source.startsWith("from") ? "come " : "are ") + source + ": " + String.join("; ", labels) + ".")));
        list.add(new ListItem("Similar councils: the average of the figures of " + authority.name() + "'s "
                + authority.neighbours().size() + " statistical neighbours (the councils most like it, as DfE's "
                + "children's services statistical neighbour benchmarking tool chooses them) that have a figure. "
                + "\"Based on 3 of 10\" means only 3 of them had a figure."));
        list.add(new ListItem("England: all English councils together, as DfE publishes it where it does, otherwise "
                + "computed from the loaded returns; \"based on 10 of " + snapshot.authorities().size()
                + "\" means only the councils whose returns are loaded."));
        list.add(new ListItem("Figures as of " + FigureWords.asOf(snapshot.builtAt()) + "."));
        Div div = new Div(list);
        div.setId("scorecard-sources");
        return div;
    }

    private Section table(Authority authority, int year, List<Row> rows) {
        DataTable table = dataTable(authority, year, rows);
        Details details = new Details("Show the figures as a table", new TableView(table));
        details.addClassName("iro-table-toggle");
        Section section = section("The figures as a table", details, new DownloadLinks(() -> dataTable(authority, year, rows)));
        section.addClassName("iro-no-print");
        return section;
    }

    private DataTable dataTable(Authority authority, int year, List<Row> rows) {
        List<List<Cell>> cells = new ArrayList<>();
        for (Row row : rows) {
            cells.add(List.of(Cell.text(row.item().label()), Cell.text(Units.unitWords(row.indicator())),
                    Cell.number(row.own().text(), row.own().value()), Cell.number(row.snMean().text(), row.snMean().value()),
                    Cell.number(row.englandShown().text(), row.englandShown().value()), Cell.text(row.direction()),
                    Cell.text(row.source())));
        }
        List<String> sources = rows.stream().map(Row::source).filter(s -> !s.isEmpty()).distinct().toList();
        List<Context> context = List.of(
                new Context("Indicator", "Members' scorecard: " + rows.size() + " key indicators ("
                        + String.join(", ", rows.stream().map(r -> r.item().id()).toList()) + ")"),
                new Context("Definition", "Each indicator as the indicator catalogue defines it; see \"How is this "
                        + "calculated?\" in the indicator explorer"),
                new Context("Areas", authority.name() + " (" + authority.laCode() + "); similar councils: the mean of its "
                        + "statistical neighbours with a figure; England"),
                new Context("Year", "Year ending 31 March " + year + ", direction of travel since " + (year - 1)),
                new Context("Source", sources.size() > 1 ? "Mixed, per row: " + String.join("; ", sources)
                        : sources.isEmpty() ? "No figures" : sources.get(0)),
                new Context("Disclosure", "[c] not shown: a count, numerator or denominator of 1 to 5; [x] not available"),
                new Context("As of", FigureWords.asOf(snapshot.builtAt())));
        return new DataTable("Corporate parenting scorecard, " + authority.name() + ", " + (year - 1) + " to " + year, context,
                List.of(Column.text("Indicator"), Column.text("Unit"), Column.number(authority.name()),
                        Column.number("Similar councils"), Column.number("England"), Column.text("Since last year"),
                        Column.text("Source")),
                cells);
    }

    private static Section section(String heading, com.vaadin.flow.component.Component... content) {
        H2 title = new H2(heading);
        Section section = new Section(title);
        section.add(content);
        section.addClassName("iro-scorecard-section");
        return section;
    }
}
