package org.certhub.fhirmapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Resolves references between the entries of one Bundle as FHIR prescribes: an exact {@code fullUrl} match
 * ({@code urn:uuid:}, {@code urn:oid:}, absolute URLs, SMART Health Cards' {@code resource:N}); a relative
 * {@code Type/id} against the referring entry's base URL, then against any entry of that type and id; a
 * versioned reference without its {@code _history} part; a conditional {@code Patient?identifier=system|value}
 * against the identifiers of the Bundle's Patients.
 */
public final class BundleReferences implements ReferenceResolver {

    private final Map<String, Resource> byFullUrl = new HashMap<>();
    private final Map<String, Resource> byTypeAndId = new HashMap<>();
    private final List<Resource> resources;

    public BundleReferences(Bundle bundle) {
        this.resources = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r != null)
                .toList();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null) {
                continue;
            }
            if (entry.hasFullUrl()) {
                byFullUrl.putIfAbsent(entry.getFullUrl(), resource);
            }
            String id = resource.getIdElement().getIdPart();
            if (id != null) {
                byTypeAndId.putIfAbsent(resource.fhirType() + "/" + id, resource);
            }
        }
    }

    @Override
    public Optional<Resource> resolve(String reference, String fromFullUrl) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Resource exact = byFullUrl.get(reference);
        if (exact != null) {
            return Optional.of(exact);
        }
        int query = reference.indexOf('?');
        if (query > 0) {
            return conditional(reference.substring(0, query), reference.substring(query + 1));
        }
        String unversioned = withoutHistory(reference);
        if (!unversioned.equals(reference) && byFullUrl.containsKey(unversioned)) {
            return Optional.of(byFullUrl.get(unversioned));
        }
        String typeAndId = typeAndId(unversioned);
        if (typeAndId == null) {
            return Optional.empty();
        }
        if (!isAbsolute(unversioned) && fromFullUrl != null && isAbsolute(fromFullUrl)) {
            String base = baseOf(fromFullUrl);
            if (base != null && byFullUrl.containsKey(base + typeAndId)) {
                return Optional.of(byFullUrl.get(base + typeAndId));
            }
        }
        for (Map.Entry<String, Resource> candidate : byFullUrl.entrySet()) {
            if (candidate.getKey().endsWith("/" + typeAndId)) {
                return Optional.of(candidate.getValue());
            }
        }
        return Optional.ofNullable(byTypeAndId.get(typeAndId));
    }

    private Optional<Resource> conditional(String type, String query) {
        if (!"Patient".equals(type)) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (!parameter.startsWith("identifier=")) {
                continue;
            }
            String token = java.net.URLDecoder.decode(
                    parameter.substring("identifier=".length()), java.nio.charset.StandardCharsets.UTF_8);
            int bar = token.indexOf('|');
            String system = bar >= 0 ? token.substring(0, bar) : null;
            String value = bar >= 0 ? token.substring(bar + 1) : token;
            List<Resource> matches = resources.stream()
                    .filter(r -> r instanceof Patient p
                            && p.getIdentifier().stream().anyMatch(i -> matches(i, system, value)))
                    .toList();
            return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean matches(Identifier identifier, String system, String value) {
        return value.equals(identifier.getValue()) && (system == null || system.equals(identifier.getSystem()));
    }

    private static String withoutHistory(String reference) {
        int history = reference.indexOf("/_history/");
        return history > 0 ? reference.substring(0, history) : reference;
    }

    /** The last two path segments, {@code Type/id}, of a relative or absolute RESTful reference. */
    private static String typeAndId(String reference) {
        if (reference.startsWith("urn:") || reference.startsWith("#")) {
            return null;
        }
        String[] parts = reference.split("/");
        if (parts.length < 2) {
            return null;
        }
        String type = parts[parts.length - 2];
        String id = parts[parts.length - 1];
        if (type.isEmpty() || !Character.isUpperCase(type.charAt(0)) || id.isEmpty()) {
            return null;
        }
        return type + "/" + id;
    }

    private static String baseOf(String fullUrl) {
        String unversioned = withoutHistory(fullUrl);
        String typeAndId = typeAndId(unversioned);
        return typeAndId == null ? null : unversioned.substring(0, unversioned.length() - typeAndId.length());
    }

    private static boolean isAbsolute(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
