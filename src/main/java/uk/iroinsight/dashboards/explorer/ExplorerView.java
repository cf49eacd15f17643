package uk.iroinsight.dashboards.explorer;

import jakarta.annotation.security.PermitAll;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.charts.ApexChart;
import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.export.DataTable;
import uk.iroinsight.dashboards.layout.ChartCard;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.StateBar;
import uk.iroinsight.dashboards.layout.ViewState;
import uk.iroinsight.indicators.Indicator;

/**
 * The indicator explorer (PRODUCT.md §4): one indicator for one authority, as a trend against
 * its comparators over every year, a ranking of its comparison set for the chosen year with
 * quartile bands, and a funnel plot with control limits. Choosing a year on the trend, or
 * another authority on the ranking or the funnel plot, is a navigation: the URL holds the
 * choice and the browser's back button undoes it.
 */
@PermitAll
@Route(value = MainLayout.EXPLORER, layout = MainLayout.class)
public class ExplorerView extends DashboardView {

    /** The indicator shown when the URL names none: the IRO service's headline measure. */
    static final String DEFAULT_INDICATOR = "reviews_on_time_pct";

    public ExplorerView(DashboardData data) {
        super(data);
        addClassName("iro-explorer");
    }

    @Override
    protected String route() {
        return MainLayout.EXPLORER;
    }

    @Override
    protected ViewState complete(ViewState given) {
        return snapshot.catalogue().find(given.indicator()).isPresent() ? given : given.withIndicator(DEFAULT_INDICATOR);
    }

    @Override
    protected void render() {
        Authority own = authority();
        Indicator indicator = snapshot.indicator(state.indicator());
        int year = state.year();
        heading(indicator.title() + ": " + own.name());
        add(new StateBar(snapshot, state, this::go).withAuthority().withYear().withIndicator().withComparison());
        add(ranking(own, indicator, year), trend(own, indicator, year), funnel(own, indicator, year));
    }

    /** First, as it answers the forum's question: where do we stand among similar councils? */
    private Component ranking(Authority own, Indicator indicator, int year) {
        RankingChart ranking = RankingChart.of(snapshot, own, indicator, year, state.compare(), suppress());
        Paragraph sentence = new Paragraph(ranking.sentence());
        sentence.setId("ranking-sentence");
        sentence.addClassName("iro-explorer-answer");
        Div body = new Div(sentence);
        if (ranking.options() != null) {
            ApexChart chart = new ApexChart(ranking.options());
            chart.setId("ranking-chart");
            chart.addClickListener(click -> ranking.laAt(click.getDataPointIndex(), own.laCode())
                    .ifPresent(la -> go(state.withLa(la))));
            body.add(chart);
            if (!ranking.reading().isEmpty()) {
                Paragraph reading = hint(ranking.reading());
                reading.setId("ranking-reading");
                body.add(reading);
            }
            body.add(hint("Choose a bar to explore that authority."));
        }
        if (!ranking.notShown().isEmpty()) {
            Paragraph hidden = hint(ranking.notShown());
            hidden.setId("ranking-not-shown");
            body.add(hidden);
        }
        return card("ranking-card", "Ranking, year ending 31 March " + year, body, ranking.table(), indicator);
    }

    private Component trend(Authority own, Indicator indicator, int year) {
        TrendChart trend = TrendChart.of(snapshot, own, indicator, year, suppress());
        ApexChart chart = new ApexChart(trend.options());
        chart.setId("trend-chart");
        chart.addClickListener(click -> trend.yearAt(click.getDataPointIndex())
                .filter(chosen -> chosen != year)
                .ifPresent(chosen -> go(state.withYear(chosen))));
        Div body = new Div(chart, hint("Choose a year on the chart to see the ranking and funnel plot for that year."));
        return card("trend-card", "Trend over the years", body, trend.table(), indicator);
    }

    private Component funnel(Authority own, Indicator indicator, int year) {
        Optional<FunnelChart> funnel = FunnelChart.of(snapshot, own, indicator, year, state.compare(), suppress());
        if (funnel.isEmpty()) {
            Div card = new Div(new H2("Funnel plot"), new Paragraph(FunnelChart.absence(indicator)));
            card.setId("funnel-card");
            card.addClassName("iro-card");
            return card;
        }
        FunnelChart plot = funnel.get();
        Paragraph sentence = new Paragraph(plot.sentence());
        sentence.setId("funnel-sentence");
        ApexChart chart = new ApexChart(plot.options());
        chart.setId("funnel-chart");
        chart.addClickListener(click -> plot.laAt(click.getSeriesIndex(), click.getDataPointIndex())
                .ifPresent(la -> go(state.withLa(la))));
        sentence.addClassName("iro-explorer-answer");
        Div body = new Div(sentence, chart, hint("Choose another authority's point to explore it."));
        return card("funnel-card", "Funnel plot, year ending 31 March " + year, body, plot.table(), indicator);
    }

    private static Paragraph hint(String text) {
        Paragraph hint = new Paragraph(text);
        hint.addClassName("iro-explorer-hint");
        return hint;
    }

    private static ChartCard card(String id, String heading, Component body, DataTable table,
                                  Indicator indicator) {
        ChartCard card = new ChartCard(heading, body, () -> table, indicator);
        card.setId(id);
        return card;
    }
}
