package uk.iroinsight.dashboards.export;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;

/** A {@link DataTable} as an accessible HTML table: caption, column and row headers, numbers right-aligned. */
public class TableView extends Div {

    public TableView(DataTable table) {
        addClassName("iro-table-wrap");
        setTable(table);
    }

    public void setTable(DataTable table) {
        getElement().removeAllChildren();
        Element html = new Element("table");
        html.getClassList().add("iro-table");
        html.appendChild(new Element("caption").setText(table.title()));
        Element headRow = new Element("tr");
        for (DataTable.Column column : table.columns()) {
            headRow.appendChild(cell("th", column.header(), column.align()).setAttribute("scope", "col"));
        }
        html.appendChild(new Element("thead").appendChild(headRow));
        Element body = new Element("tbody");
        for (var row : table.rows()) {
            Element tr = new Element("tr");
            for (int i = 0; i < row.size(); i++) {
                DataTable.Column column = table.columns().get(i);
                Element td = i == 0 ? cell("th", row.get(i).text(), column.align()).setAttribute("scope", "row")
                        : cell("td", row.get(i).text(), column.align());
                tr.appendChild(td);
            }
            body.appendChild(tr);
        }
        html.appendChild(body);
        getElement().appendChild(html);
    }

    private static Element cell(String tag, String text, DataTable.Align align) {
        Element cell = new Element(tag).setText(text);
        if (align == DataTable.Align.NUMBER) {
            cell.getClassList().add("iro-number");
        }
        return cell;
    }
}
