package org.certhub.fhirmapping;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the R4 parser finds wrong with the structure of an input (instead of logging it, as HAPI's
 * lenient handler does, or stopping at the first, as its strict one does). One instance per parse.
 */
final class StructureErrors implements IParserErrorHandler {

    private static final int MAX_PROBLEMS = 100;

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
        add("structure", "a contained resource has no id, so nothing can refer to it", location, null);
    }

    @Override
    public void incorrectJsonType(
            IParseLocation location,
            String elementName,
            BaseJsonLikeValue.ValueType expected,
            BaseJsonLikeValue.ScalarType expectedScalar,
            BaseJsonLikeValue.ValueType found,
            BaseJsonLikeValue.ScalarType foundScalar) {
        add(
                "structure",
                "element '" + elementName + "' must be a JSON " + describe(expected, expectedScalar) + ", not a "
                        + describe(found, foundScalar),
                location,
                elementName);
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        // the value itself may be personal data (a birth date, a name): name the element and the rule, not the value
        String rule = error == null
                ? "not allowed here"
                : value == null || value.isEmpty() ? error : error.replace(value, "…");
        add("value", "invalid value: " + rule, location, null);
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {
        add("required", "required element '" + elementName + "' is missing", location, elementName);
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        add("structure", "element '" + elementName + "' must not repeat", location, elementName);
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        add("structure", "unknown attribute '" + attributeName + "'", location, attributeName);
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        add("structure", "unknown element '" + elementName + "' (not in FHIR R4)", location, elementName);
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
        add("structure", "a reference to a contained resource that does not exist", location, null);
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
        add("structure", "an invalid reference to a contained resource", location, null);
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
        add("structure", "an extension has both a value and nested extensions", location, null);
    }

    private void add(String code, String diagnostics, IParseLocation location, String element) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        String parent = location == null ? null : location.getParentElementName();
        String expression = parent == null ? element : element == null ? parent : parent + "." + element;
        problems.add(Problem.error(code, diagnostics, expression));
    }

    private static String describe(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
        if (type == null) {
            return "value";
        }
        if (type == BaseJsonLikeValue.ValueType.SCALAR && scalar != null) {
            return scalar.name().toLowerCase(java.util.Locale.ROOT);
        }
        return type.name().toLowerCase(java.util.Locale.ROOT);
    }
}
