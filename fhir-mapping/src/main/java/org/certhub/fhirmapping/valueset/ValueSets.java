package org.certhub.fhirmapping.valueset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.certhub.model.Code;

/**
 * The vaccine value sets and programmes of {@code config/value-sets/}: which codings name which vaccine,
 * which programme a dose belongs to, what the certificate carries for it and the primary series' length.
 *
 * <p>A configuration is one or more JSON documents, each holding any of {@code systemAliases} (a canonical
 * code-system URI to the other URIs senders use for it), {@code programmes} and {@code vaccines}; see
 * {@code config/value-sets/README.md}. Documents are merged; a programme or vaccine id defined twice, a
 * vaccine naming an unknown programme or a coding claimed by two product definitions is a configuration
 * error, reported when loading. Immutable and thread-safe once loaded.
 */
public final class ValueSets {

    /** The files of {@code config/value-sets/} that certhub ships, in loading order. */
    public static final List<String> DEFAULT_FILES = List.of(
            "systems.json",
            "covid-19.json",
            "routine.json",
            "cdc-cvx.json",
            "who-icd11.json",
            "whocc-atc.json",
            "snomed-ct.json",
            "gs1-gtin.json",
            "au-air.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> canonicalSystems;
    private final Map<String, Programme> programmes;
    private final Map<String, VaccineDefinition> vaccines;
    private final Map<CodeKey, List<VaccineDefinition>> byCoding;
    private final Map<String, VaccineDefinition> byName;
    private final Map<CodeKey, Programme> byDisease;

    private ValueSets(
            Map<String, String> canonicalSystems,
            Map<String, Programme> programmes,
            Map<String, VaccineDefinition> vaccines) {
        this.canonicalSystems = Map.copyOf(canonicalSystems);
        this.programmes = Map.copyOf(programmes);
        this.vaccines = Collections.unmodifiableMap(new LinkedHashMap<>(vaccines));
        Map<CodeKey, List<VaccineDefinition>> codings = new HashMap<>();
        Map<String, VaccineDefinition> names = new HashMap<>();
        for (VaccineDefinition vaccine : vaccines.values()) {
            List<Code> claimed = new ArrayList<>(vaccine.codings());
            if (vaccine.product() != null) {
                claimed.add(vaccine.product());
            } else if (vaccine.prophylaxis() != null) {
                // a prophylaxis code names the vaccine type, not any one of the products of that type
                claimed.add(vaccine.prophylaxis());
            }
            for (Code code : claimed) {
                List<VaccineDefinition> holders =
                        codings.computeIfAbsent(key(code.system(), code.code()), k -> new ArrayList<>());
                if (vaccine.isProduct() && holders.stream().anyMatch(VaccineDefinition::isProduct)) {
                    throw new IllegalArgumentException(
                            "coding " + code.system() + "|" + code.code() + " is claimed by two vaccine products: "
                                    + holders.get(0).id() + " and " + vaccine.id());
                }
                holders.add(vaccine);
            }
            Stream.concat(vaccine.names().stream(), Stream.ofNullable(vaccine.display()))
                    .forEach(name -> names.putIfAbsent(normaliseName(name), vaccine));
            if (vaccine.product() != null) {
                names.putIfAbsent(normaliseName(vaccine.product().code()), vaccine);
            }
        }
        codings.replaceAll((k, v) -> List.copyOf(v));
        this.byCoding = Map.copyOf(codings);
        this.byName = Map.copyOf(names);
        Map<CodeKey, Programme> diseases = new HashMap<>();
        for (Programme programme : programmes.values()) {
            if (programme.disease() != null) {
                diseases.putIfAbsent(
                        key(programme.disease().system(), programme.disease().code()), programme);
            }
        }
        this.byDisease = Map.copyOf(diseases);
    }

    /** Loads and merges the documents, in order; closes each stream. */
    public static ValueSets load(Collection<? extends InputStream> documents) {
        Builder builder = new Builder();
        for (InputStream in : documents) {
            try (InputStream document = in) {
                builder.add(JSON.readTree(document));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a value-set document", e);
            }
        }
        return builder.build();
    }

    /** Loads every {@code *.json} file of a directory (e.g. {@code config/value-sets}), in file-name order. */
    public static ValueSets fromDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list value sets in " + directory, e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no value-set files (*.json) in " + directory);
        }
        List<InputStream> streams = new ArrayList<>();
        try {
            for (Path file : files) {
                streams.add(Files.newInputStream(file));
            }
        } catch (IOException e) {
            streams.forEach(ValueSets::closeQuietly);
            throw new UncheckedIOException("cannot read value sets in " + directory, e);
        }
        return load(streams);
    }

    /**
     * Loads {@link #DEFAULT_FILES} from the class path below {@code folder} (e.g. {@code "value-sets"} when
     * the jar holds {@code config/} at its root with that prefix stripped).
     */
    public static ValueSets fromClasspath(ClassLoader loader, String folder) {
        List<InputStream> streams = new ArrayList<>();
        for (String file : DEFAULT_FILES) {
            String resource = folder.isEmpty() ? file : folder + "/" + file;
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                streams.forEach(ValueSets::closeQuietly);
                throw new IllegalArgumentException("value-set resource not on the class path: " + resource);
            }
            streams.add(in);
        }
        return load(streams);
    }

    public Optional<Programme> programme(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(programmes.get(id));
    }

    public Collection<Programme> programmes() {
        return programmes.values();
    }

    public Collection<VaccineDefinition> vaccines() {
        return vaccines.values();
    }

    public Optional<VaccineDefinition> vaccine(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(vaccines.get(id));
    }

    /** The canonical URI of a code system as configured ({@code systemAliases}), else the URI itself. */
    public String canonicalSystem(String system) {
        if (system == null) {
            return null;
        }
        return canonicalSystems.getOrDefault(system, system);
    }

    /** The definitions a single coding names (products first), empty when it names none. */
    public List<VaccineDefinition> byCoding(String system, String code) {
        if (code == null) {
            return List.of();
        }
        List<VaccineDefinition> found = byCoding.get(key(canonicalSystem(system), code));
        return found == null ? List.of() : found;
    }

    /** The vaccine a name, brand or product code denotes (case- and punctuation-insensitive). */
    public Optional<VaccineDefinition> byName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byName.get(normaliseName(name)));
    }

    /** The programme whose targeted disease is this coding. */
    public Optional<Programme> programmeForDisease(String system, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDisease.get(key(canonicalSystem(system), code)));
    }

    /**
     * The vaccine the codings of one {@code vaccineCode} name: a product when any coding names one, else the
     * vaccine type named first. Codings that name different products or different programmes conflict.
     */
    public VaccineMatch match(List<Code> codings) {
        VaccineDefinition product = null;
        VaccineDefinition type = null;
        for (Code coding : codings) {
            for (VaccineDefinition candidate : byCoding(coding.system(), coding.code())) {
                if (product != null && candidate.programme() != product.programme()
                        || type != null && candidate.programme() != type.programme()) {
                    return new VaccineMatch.Conflict(candidate, product != null ? product : type);
                }
                if (candidate.isProduct()) {
                    if (product != null && product != candidate) {
                        return new VaccineMatch.Conflict(candidate, product);
                    }
                    product = candidate;
                } else if (type == null) {
                    type = candidate;
                }
            }
        }
        if (product != null) {
            return new VaccineMatch.Found(product);
        }
        return type != null ? new VaccineMatch.Found(type) : new VaccineMatch.Unknown();
    }

    private static CodeKey key(String system, String code) {
        return new CodeKey(system == null ? "" : system, code);
    }

    private static String normaliseName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one reported
        }
    }

    private record CodeKey(String system, String code) {}

    /** Reads the JSON documents into programmes and vaccines, checking references between them. */
    private static final class Builder {
        private final Map<String, String> canonicalSystems = new HashMap<>();
        private final Map<String, Programme> programmes = new LinkedHashMap<>();
        private final List<JsonNode> vaccineNodes = new ArrayList<>();
        private final Map<String, List<Code>> tableCodes = new LinkedHashMap<>();

        void add(JsonNode document) {
            if (document == null || !document.isObject()) {
                throw new IllegalArgumentException("a value-set document must be a JSON object");
            }
            document.path("systemAliases").properties().forEach(alias -> {
                for (JsonNode other : alias.getValue()) {
                    canonicalSystems.put(other.asText(), alias.getKey());
                }
            });
            for (JsonNode node : document.path("programmes")) {
                String id = required(node, "id", "programme");
                Programme.Action action = Programme.Action.valueOf(
                        required(node, "action", "programme " + id).toUpperCase(Locale.ROOT));
                Programme programme = new Programme(id, text(node, "display"), action, code(node.get("disease")));
                if (programmes.putIfAbsent(id, programme) != null) {
                    throw new IllegalArgumentException("programme defined twice: " + id);
                }
            }
            document.path("vaccines").forEach(vaccineNodes::add);
            for (JsonNode node : document.path("codes")) {
                Code code = code(node);
                tableCodes
                        .computeIfAbsent(required(node, "vaccine", "code " + code.code()), k -> new ArrayList<>())
                        .add(code);
            }
        }

        ValueSets build() {
            Map<String, VaccineDefinition> vaccines = new LinkedHashMap<>();
            for (JsonNode node : vaccineNodes) {
                String id = required(node, "id", "vaccine");
                String programmeId = required(node, "programme", "vaccine " + id);
                Programme programme = programmes.get(programmeId);
                if (programme == null) {
                    throw new IllegalArgumentException("vaccine " + id + " names an unknown programme: " + programmeId);
                }
                List<Code> codings = new ArrayList<>();
                node.path("codings").forEach(c -> codings.add(canonical(code(c))));
                tableCodes.getOrDefault(id, List.of()).forEach(c -> codings.add(canonical(c)));
                List<String> names = new ArrayList<>();
                node.path("names").forEach(n -> names.add(n.asText()));
                JsonNode doses = node.get("primarySeriesDoses");
                VaccineDefinition vaccine = new VaccineDefinition(
                        id,
                        programme,
                        text(node, "display"),
                        canonical(code(node.get("prophylaxis"))),
                        canonical(code(node.get("product"))),
                        code(node.get("manufacturer")),
                        doses == null || doses.isNull() ? null : doses.asInt(),
                        codings,
                        names);
                if (vaccine.vaccineCode() == null) {
                    throw new IllegalArgumentException("vaccine " + id + " has no prophylaxis, product or coding");
                }
                if (vaccines.putIfAbsent(id, vaccine) != null) {
                    throw new IllegalArgumentException("vaccine defined twice: " + id);
                }
            }
            tableCodes.keySet().stream()
                    .filter(id -> !vaccines.containsKey(id))
                    .findFirst()
                    .ifPresent(id -> {
                        throw new IllegalArgumentException("a code table names an unknown vaccine: " + id);
                    });
            return new ValueSets(canonicalSystems, programmes, vaccines);
        }

        private Code canonical(Code code) {
            if (code == null) {
                return null;
            }
            return new Code(canonicalSystems.getOrDefault(code.system(), code.system()), code.code(), code.display());
        }

        private static Code code(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            return new Code(text(node, "system"), required(node, "code", "coding"), text(node, "display"));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        private static String required(JsonNode node, String field, String what) {
            String value = text(node, field);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " without \"" + field + "\": " + node);
            }
            return value;
        }
    }
}
