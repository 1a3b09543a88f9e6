package io.harbormaster.testing.ec2;

import java.util.Collection;
import java.util.function.BiConsumer;

/** A small writer of EC2's XML answers: elements, escaped text and {@code <item>} lists. */
final class Xml {

    private final StringBuilder text = new StringBuilder();

    Xml open(String name) {
        text.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        text.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>value</name>}, nothing when value is null. */
    Xml leaf(String name, Object value) {
        if (value != null) {
            open(name);
            text.append(escape(String.valueOf(value)));
            close(name);
        }
        return this;
    }

    /** {@code <name><item>…</item>…</name>}, each item written by {@code item}. */
    <T> Xml items(String name, Collection<T> values, BiConsumer<Xml, T> item) {
        open(name);
        for (var value : values) {
            open("item");
            item.accept(this, value);
            close("item");
        }
        return close(name);
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
