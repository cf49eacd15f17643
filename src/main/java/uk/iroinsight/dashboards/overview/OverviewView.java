package uk.iroinsight.dashboards.overview;

import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.Route;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.layout.DashboardView;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.StateBar;
import uk.iroinsight.indicators.Indicator;

/**
 * The landing page (PRODUCT.md §4, Overview): for one authority and year, a tile per indicator
 * of the catalogue, grouped by family in the catalogue's order, each opening the indicator
 * explorer; above them one line saying how many figures there are and where they come from.
 */
@PermitAll
@Route(value = MainLayout.OVERVIEW, layout = MainLayout.class)
public class OverviewView extends DashboardView {

    /** The families' headings, in words a head of service uses. */
    static final Map<String, String> FAMILIES = Map.of(
            "volumes", "Children looked after",
            "stability", "Placement stability",
            "reviews", "Reviews",
            "participation", "Participation",
            "disputes", "Disputes",
            "workforce", "Workforce");

    public OverviewView(DashboardData data) {
        super(data);
        addClassName("iro-overview");
    }

    @Override
    protected String route() {
        return MainLayout.OVERVIEW;
    }

    @Override
    protected void render() {
        Authority authority = authority();
        heading("Overview: " + authority.name() + ", year ending 31 March " + state.year());
        add(new StateBar(snapshot, state, this::go).withAuthority().withYear());
        List<Indicator> indicators = snapshot.catalogue().all();
        add(summary(authority, indicators));

        Map<String, Div> grids = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            Div grid = grids.computeIfAbsent(indicator.family(), family -> {
                Div tiles = new Div();
                tiles.addClassName("iro-tiles");
                H2 title = new H2(FAMILIES.getOrDefault(family, family));
                title.setId("family-" + family);
                Section section = new Section(title, tiles);
                section.addClassName("iro-family");
                section.getElement().setAttribute("aria-labelledby", title.getId().orElseThrow());
                add(section);
                return tiles;
            });
            grid.add(new IndicatorTile(snapshot, state, authority, indicator, suppress()));
        }
    }

    /** "Figures for 39 indicators: 31 from Nottinghamshire's loaded returns, 6 published by DfE, 2 not shown; as of ...". */
    private Paragraph summary(Authority authority, List<Indicator> indicators) {
        int records = 0;
        int published = 0;
        int hidden = 0;
        for (Indicator indicator : indicators) {
            Figure figure = snapshot.la(authority.laCode(), state.year(), indicator.id());
            if (snapshot.show(figure, suppress()).value() == null) {
                hidden++;
            } else if (figure.isRecords()) {
                records++;
            } else {
                published++;
            }
        }
        StringBuilder text = new StringBuilder("Figures for " + indicators.size() + " indicators: ");
        text.append(records).append(" from ").append(authority.name()).append("'s loaded returns, ")
                .append(published).append(" published by DfE");
        if (hidden > 0) {
            text.append(", ").append(hidden).append(" not shown or not available");
        }
        text.append("; as of ").append(FigureWords.asOf(snapshot.builtAt())).append(". Choose a tile to explore its indicator.");
        Paragraph summary = new Paragraph(text.toString());
        summary.setId("overview-summary");
        summary.addClassName("iro-summary");
        return summary;
    }
}
