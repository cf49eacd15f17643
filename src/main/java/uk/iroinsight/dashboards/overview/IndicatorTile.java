package uk.iroinsight.dashboards.overview;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.Figure;
import uk.iroinsight.dashboards.data.Judgement;
import uk.iroinsight.dashboards.data.Judgement.Relation;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.data.MartSnapshot.Comparators;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.dashboards.layout.Units;
import uk.iroinsight.dashboards.layout.ViewState;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Disclosure.Shown;
import uk.iroinsight.indicators.Indicator;

/**
 * One indicator's headline for an LA-year: the authority's figure, how it compares with its
 * statistical neighbours, region and England (in words, and a ▲ / ▼ / = symbol where higher or
 * lower is better; a region's or England's total of a count is given, not compared), its national rank, the
 * direction of travel, the source and any data-quality notes. The whole tile is one link (so a
 * click, or Enter on it, opens the indicator explorer for that indicator, authority and year,
 * compared with the statistical neighbours); its text is its accessible name.
 */
class IndicatorTile extends Anchor {

    IndicatorTile(MartSnapshot snapshot, ViewState state, Authority authority, Indicator indicator, boolean suppress) {
        addClassName("iro-tile");
        setId("tile-" + indicator.id());
        ViewState target = new ViewState(state.la(), state.year(), indicator.id(), Comparison.SN, null);
        setHref("/" + MainLayout.EXPLORER + "?" + target.queryString());
        getElement().setAttribute("router-link", true);

        int year = state.year();
        Comparators figures = snapshot.comparators(authority.laCode(), year, indicator.id());
        Shown own = snapshot.show(figures.la(), suppress);

        H3 title = new H3(indicator.title());
        title.addClassName("iro-tile-title");
        Paragraph value = new Paragraph(Units.withUnit(own, indicator));
        value.addClassName("iro-tile-value");
        add(title, value);
        FigureWords.notShown(figures.la(), own, indicator).ifPresent(reason -> add(small(reason, "iro-tile-reason")));

        UnorderedList comparisons = new UnorderedList(
                comparison(snapshot, indicator, own, figures.snMean(), "similar councils", authority.neighbours().size(), suppress),
                comparison(snapshot, indicator, own, figures.region(), authority.regionName(),
                        snapshot.inRegion(authority.regionCode()).size(), suppress),
                comparison(snapshot, indicator, own, figures.england(), "England", snapshot.authorities().size(), suppress));
        comparisons.addClassName("iro-tile-comparisons");
        add(comparisons);

        FigureWords.rank(snapshot.ranking(indicator.id(), year, Comparison.ALL, authority.laCode(), suppress))
                .ifPresent(rank -> add(small(rank, "iro-tile-rank")));
        if (own.value() != null) {
            add(small(direction(snapshot, authority, indicator, year, suppress), "iro-tile-direction"));
        }
        if (figures.la().hasValue()) {
            add(small(FigureWords.source(Units.source(figures.la())), "iro-tile-source"));
        }
        List<String> notes = snapshot.notes(authority.laCode(), year, indicator.id());
        if (!notes.isEmpty()) {
            UnorderedList list = new UnorderedList(notes.stream().map(ListItem::new).toArray(ListItem[]::new));
            list.addClassName("iro-tile-notes");
            add(list);
        }
        Span more = new Span("Open in the indicator explorer");
        more.addClassName("iro-tile-more");
        add(more);
    }

    /** "▲ better than similar councils (91.0%)", or the comparator's figure alone when there is nothing to compare. */
    private static ListItem comparison(MartSnapshot snapshot, Indicator indicator, Shown own, Figure comparator, String name,
                                       int full, boolean suppress) {
        Shown shown = snapshot.show(comparator, suppress);
        String coverage = FigureWords.coverage(comparator, full);
        if (shown.value() == null) {
            return new ListItem(capitalised(name) + ": " + FigureWords.notShown(comparator, shown, indicator).orElseThrow());
        }
        String figure = Units.withUnit(shown, indicator) + coverage;
        if (FigureWords.isTotal(indicator, comparator)) {
            return new ListItem(capitalised(name) + " in total: " + figure);
        }
        Relation relation = Judgement.compare(own.value(), shown.value(), indicator.polarity());
        if (relation == Relation.UNKNOWN) {
            return new ListItem(capitalised(name) + ": " + figure);
        }
        String words = relation.words() + " " + name + " (" + figure + ")";
        if (indicator.polarity() == Indicator.Polarity.NONE) {
            return new ListItem(capitalised(words)); // higher or lower, no judgement: no better/worse symbol
        }
        Span symbol = new Span(relation.symbol());
        symbol.getElement().setAttribute("aria-hidden", "true");
        symbol.addClassName("iro-symbol");
        ListItem item = new ListItem(symbol, new Span(" " + words));
        item.addClassName("iro-relation-" + relation.name().toLowerCase(java.util.Locale.ROOT));
        return item;
    }

    /** "↑ improving since 2023", or why there is nothing to compare with. */
    private static String direction(MartSnapshot snapshot, Authority authority, Indicator indicator, int year, boolean suppress) {
        Judgement.Direction direction = snapshot.direction(authority.laCode(), year, indicator.id(), suppress);
        if (direction != Judgement.Direction.UNKNOWN) {
            return FigureWords.direction(direction, year - 1);
        }
        Figure before = snapshot.la(authority.laCode(), year - 1, indicator.id());
        Shown shown = snapshot.show(before, suppress);
        return shown.suppressed() ? "– " + (year - 1) + ": " + FigureWords.notShown(before, shown, indicator).orElseThrow()
                : "– no figure for " + (year - 1) + " to compare";
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Paragraph small(String text, String className) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.addClassName(className);
        return paragraph;
    }
}
