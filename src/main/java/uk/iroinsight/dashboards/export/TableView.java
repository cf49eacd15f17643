package uk.iroinsight.dashboards.export;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

import uk.iroinsight.dashboards.export.DataTable.Align;
import uk.iroinsight.dashboards.export.DataTable.Cell;
import uk.iroinsight.dashboards.export.DataTable.Column;

/**
 * The data-table alternative to a chart: a plain HTML {@code <table>} of a {@link DataTable}
 * (caption = its title, column headers {@code <th scope="col">}, each row's first cell
 * {@code <th scope="row">}, numbers right-aligned in tabular figures), showing the same text as
 * the chart and the downloads. It sits in a labelled region that scrolls sideways on a narrow
 * screen and can then be scrolled from the keyboard (it is a Tab stop).
 */
public class TableView extends Div {

    private DataTable table;

    public TableView(DataTable table) {
        addClassName("iro-table-view");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("tabindex", "0");
        getStyle().set("overflow-x", "auto").set("max-width", "100%");
        setTable(table);
    }

    /** Shows another table (the view's state changed) in place of the current one. */
    public void setTable(DataTable table) {
        this.table = table;
        getElement().removeAllChildren();
        getElement().setAttribute("aria-label", table.title() + " (table)");
        getElement().appendChild(render(table));
    }

    public DataTable getTable() {
        return table;
    }

    private static Element render(DataTable table) {
        Element element = new Element("table");
        element.getClassList().add("iro-table"); // the theme's table rules (styles.css)
        element.getStyle().set("border-collapse", "collapse").set("font-variant-numeric", "tabular-nums")
                .set("font-size", "var(--lumo-font-size-s)");
        Element caption = new Element("caption");
        caption.setText(table.title());
        caption.getStyle().set("text-align", "start").set("font-weight", "600").set("padding-bottom", "var(--lumo-space-s)");
        element.appendChild(caption);

        List<Column> columns = table.columns();
        Element headRow = new Element("tr");
        for (Column column : columns) {
            Element th = cell("th", column.header(), column.align());
            th.setAttribute("scope", "col");
            th.getStyle().set("border-bottom", "2px solid var(--lumo-contrast-60pct)").set("vertical-align", "bottom");
            headRow.appendChild(th);
        }
        element.appendChild(new Element("thead").appendChild(headRow));

        Element body = new Element("tbody");
        for (List<Cell> cells : table.rows()) {
            Element tr = new Element("tr");
            for (int c = 0; c < cells.size(); c++) {
                Element td = cell(c == 0 ? "th" : "td", cells.get(c).text(), columns.get(c).align());
                if (c == 0) {
                    td.setAttribute("scope", "row");
                    td.getStyle().set("font-weight", "normal");
                }
                td.getStyle().set("border-bottom", "1px solid var(--lumo-contrast-20pct)");
                tr.appendChild(td);
            }
            body.appendChild(tr);
        }
        return element.appendChild(body);
    }

    private static Element cell(String tag, String text, Align align) {
        Element cell = new Element(tag);
        cell.setText(text);
        cell.getStyle().set("text-align", align == Align.NUMBER ? "end" : "start")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)");
        return cell;
    }
}
