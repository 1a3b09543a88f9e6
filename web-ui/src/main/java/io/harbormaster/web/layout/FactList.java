package io.harbormaster.web.layout;

import com.vaadin.flow.component.html.DescriptionList;
import java.util.Map;

/** Label and value pairs as a two-column description list ({@code dl}); an unset value reads as an em dash. */
public final class FactList {

    private FactList() {
    }

    public static DescriptionList of(Map<String, String> pairs) {
        var list = new DescriptionList();
        list.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("gap", "0.25em 1.5em")
                .set("margin", "0");
        pairs.forEach((label, value) -> {
            var term = new DescriptionList.Term(label);
            term.getStyle().set("font-weight", "600");
            var description = new DescriptionList.Description(value == null || value.isBlank() ? "—" : value);
            description.getStyle().set("overflow-wrap", "anywhere").set("margin", "0");
            list.add(term, description);
        });
        return list;
    }
}
