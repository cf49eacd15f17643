package uk.iroinsight.dashboards.region;

import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.charts.ApexChart;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.MartSnapshot.HeatCell;
import uk.iroinsight.dashboards.data.MartSnapshot.Heatmap;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;
import uk.iroinsight.dashboards.export.DataTable.Context;
import uk.iroinsight.dashboards.layout.ChartCard;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.StateBar;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.indicators.Disclosure.Shown;

/**
 * Regional forum (PRODUCT.md §4): the chosen authority's region side by side on the key
 * indicators of {@code dashboards/regional-forum.yaml} for one year, each cell with its rank in
 * the region; a cell opens that authority's indicator in the explorer.
 */
@PermitAll
@Route(value = MainLayout.REGION, layout = MainLayout.class)
public class RegionView extends DashboardView {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK);

    private final ForumColumns columns;

    public RegionView(DashboardData data, ForumColumns columns) {
        super(data);
        this.columns = columns;
        addClassName("iro-region");
    }

    @Override
    protected String route() {
        return MainLayout.REGION;
    }

    @Override
    protected void render() {
        Authority own = authority();
        int year = state.year();
        String regionName = snapshot.regions().getOrDefault(own.regionCode(), own.regionName());
        heading("Regional forum: " + regionName + ", year ending 31 March " + year);
        StateBar bar = new StateBar(snapshot, state, this::go);
        bar.add(regionChooser(own));
        bar.withYear();
        add(bar);

        Heatmap heatmap = snapshot.heatmap(own.regionCode(), year, columns.ids(), suppress());
        ApexChart chart = new ApexChart(ForumHeatmap.options("Key indicators, " + regionName + ", " + year, heatmap, columns.columns()));
        chart.setId("region-heatmap");
        chart.addClickListener(click -> ForumHeatmap.target(click.getSeriesIndex(), click.getDataPointIndex(), heatmap.rows(),
                        columns.columns())
                .ifPresent(target -> go(MainLayout.EXPLORER, state.withLa(target.la()).withIndicator(target.indicator()))));

        Div body = new Div(howToRead(), chart, comparators(own, year));
        ChartCard card = new ChartCard("Key indicators, authority by authority", body,
                () -> table(heatmap, own, year), null);
        card.setId("region-card");
        add(card);
    }

    private Select<String> regionChooser(Authority own) {
        Select<String> region = new Select<>();
        region.setLabel("Region");
        region.setId("choose-region");
        region.setItems(new ArrayList<>(snapshot.regions().keySet()));
        region.setItemLabelGenerator(code -> snapshot.regions().get(code));
        region.setValue(own.regionCode());
        region.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                firstOf(e.getValue()).ifPresent(la -> go(state.withLa(la)));
            }
        });
        return region;
    }

    /** The region's first authority by name with the year loaded, else its first by name. */
    private java.util.Optional<String> firstOf(String regionCode) {
        List<Authority> authorities = snapshot.inRegion(regionCode);
        return authorities.stream().filter(a -> snapshot.isLoaded(a.laCode(), state.year())).findFirst()
                .or(() -> authorities.stream().findFirst()).map(Authority::laCode);
    }

    private Div howToRead() {
        Div legend = new Div(new Paragraph("Each cell shows the authority's figure and, in brackets, its rank among the region's "
                + "authorities (1st is best). The colour says the same in quarters of the region:"));
        UnorderedList shades = new UnorderedList();
        for (ForumHeatmap.Shade shade : ForumHeatmap.Shade.values()) {
            Span swatch = new Span();
            swatch.addClassName("iro-swatch");
            swatch.getStyle().set("background-color", shade.colour);
            swatch.getElement().setAttribute("aria-hidden", "true");
            shades.add(new ListItem(swatch, new Span(shade.words)));
        }
        shades.addClassName("iro-shade-legend");
        legend.add(shades, new Paragraph("Choose a cell (click it, or Tab to the chart, move with the arrow keys and press Enter) "
                + "to open that authority's indicator in the explorer."));
        return legend;
    }

    /** Region and England for each key indicator, with where each figure comes from. */
    private Div comparators(Authority own, int year) {
        UnorderedList list = new UnorderedList();
        list.setId("region-comparators");
        for (ForumColumns.Column column : columns.columns()) {
            String id = column.indicator().id();
            Figure region = snapshot.region(own.laCode(), year, id);
            Figure england = snapshot.england(year, id);
            list.add(new ListItem(column.indicator().title() + ": " + region.areaName() + " " + shown(region) + " ("
                    + Units.source(region) + "); England " + shown(england) + " (" + Units.source(england) + ")"));
        }
        Div box = new Div(new Paragraph("The region and England, year ending 31 March " + year + ":"), list);
        box.addClassName("iro-comparators");
        return box;
    }

    private String shown(Figure figure) {
        return Units.withUnit(snapshot.show(figure, suppress()), snapshot.indicator(figure.indicator()));
    }

    private DataTable table(Heatmap heatmap, Authority own, int year) {
        List<Column> header = new ArrayList<>();
        header.add(Column.text("Authority"));
        columns.columns().forEach(c -> header.add(Column.number(c.label() + ": value (rank)")));
        List<List<Cell>> rows = new ArrayList<>();
        int records = 0;
        int published = 0;
        for (Authority authority : heatmap.rows()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(authority.name()));
            for (ForumColumns.Column column : columns.columns()) {
                HeatCell cell = heatmap.cell(authority.laCode(), column.indicator().id());
                row.add(Cell.number(ForumHeatmap.text(cell), cell == null ? null : cell.shown().value()));
                if (cell != null && cell.figure().hasValue()) {
                    if (cell.figure().isRecords()) {
                        records++;
                    } else {
                        published++;
                    }
                }
            }
            rows.add(row);
        }
        for (boolean england : List.of(false, true)) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.text(england ? "England" : heatmap.regionName() + " (region)"));
            for (ForumColumns.Column column : columns.columns()) {
                Figure figure = england ? snapshot.england(year, column.indicator().id())
                        : snapshot.region(own.laCode(), year, column.indicator().id());
                Shown shown = snapshot.show(figure, suppress());
                row.add(Cell.number(shown.text(), shown.value()));
            }
            rows.add(row);
        }
        String sources = published == 0 ? "Authorities: from the loaded returns"
                : records == 0 ? "Authorities: published by DfE"
                : "Authorities: mixed, " + records + " figures from the loaded returns and " + published + " published by DfE";
        return new DataTable("Key indicators: " + heatmap.regionName() + ", year ending 31 March " + year,
                List.of(new Context("Indicator", String.join("; ", columns.columns().stream().map(c -> c.indicator().title()).toList())),
                        new Context("Definition", String.join(" ", columns.columns().stream()
                                .map(c -> c.label() + ": " + c.indicator().definition()).toList())),
                        new Context("Areas", heatmap.regionName() + "'s " + heatmap.rows().size() + " authorities, the region and England"),
                        new Context("Year", "Year ending 31 March " + year),
                        new Context("Source", sources + ". Region and England: " + String.join("; ", columns.columns().stream()
                                .map(c -> c.label() + " " + Units.source(snapshot.region(own.laCode(), year, c.indicator().id())) + ", "
                                        + Units.source(snapshot.england(year, c.indicator().id()))).toList())),
                        new Context("Rank", "Among the region's authorities with a figure to show, 1st best; none where neither higher "
                                + "nor lower is better"),
                        new Context("Symbols", "[c] hidden to protect privacy, [x] not available"),
                        new Context("As of", snapshot.builtAt() == null ? "not yet built" : AS_OF.format(snapshot.builtAt()))),
                header, rows);
    }
}
