package org.certhub.routes.wiring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The adapter an operator chose by name among the adapter beans present: the hub's own and those of any jar on
 * {@code loader.path}. Names are the adapters' own ({@code name()}), so a new adapter needs no change here.
 */
final class NamedAdapters {

    private NamedAdapters() {}

    /**
     * @param property the property that names the adapter, for the message when it names none present
     * @throws IllegalStateException when no adapter, or more than one, has the name
     */
    static <T> T choose(String property, String wanted, List<T> present, Function<T, String> nameOf) {
        Map<String, T> byName = new TreeMap<>();
        for (T adapter : present) {
            T other = byName.putIfAbsent(nameOf.apply(adapter), adapter);
            if (other != null && other != adapter) {
                throw new IllegalStateException("two adapters are named " + nameOf.apply(adapter) + ": "
                        + other.getClass().getName() + " and "
                        + adapter.getClass().getName());
            }
        }
        T chosen = byName.get(wanted);
        if (chosen == null) {
            throw new IllegalStateException(property + " is " + wanted
                    + " but no adapter of that name is present (present: " + String.join(", ", byName.keySet())
                    + "); an adapter of your own goes in a jar on loader.path");
        }
        return chosen;
    }
}
