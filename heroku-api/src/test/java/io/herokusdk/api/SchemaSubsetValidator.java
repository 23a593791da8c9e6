package io.herokusdk.api;

import io.herokusdk.api.codegen.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates a JSON value against the JSON-schema subset Heroku's links use: type, required,
 * properties (no unknown keys), patternProperties, enum, items, $ref, anyOf. Tests only.
 */
final class SchemaSubsetValidator {
  private final Schema schema;

  SchemaSubsetValidator(Schema schema) {
    this.schema = schema;
  }

  List<String> validate(Object value, Object schemaNode) {
    List<String> errors = new ArrayList<>();
    check(value, schemaNode, "$", errors);
    return errors;
  }

  private void check(Object value, Object raw, String at, List<String> errors) {
    Map<String, Object> node = schema.deref(raw);
    if (node.get("anyOf") instanceof List<?> branches) {
      for (Object b : branches) {
        List<String> e = new ArrayList<>();
        check(value, b, at, e);
        if (e.isEmpty()) {
          return;
        }
      }
      errors.add(at + ": matches no anyOf branch");
      return;
    }
    List<String> types = Schema.types(node);
    if (!types.isEmpty() && !types.contains(jsonType(value))
        && !(types.contains("number") && jsonType(value).equals("integer"))) {
      errors.add(at + ": " + jsonType(value) + " is not " + types);
      return;
    }
    if (node.get("enum") instanceof List<?> values && value != null && !values.contains(value)) {
      errors.add(at + ": " + value + " not in " + values);
    }
    if (value instanceof Map<?, ?> map) {
      for (Object r : Schema.asList(node.get("required"))) {
        if (!map.containsKey(r)) {
          errors.add(at + ": missing required " + r);
        }
      }
      Map<?, ?> props = node.get("properties") instanceof Map<?, ?> p ? p : Map.of();
      Map<?, ?> patterns = node.get("patternProperties") instanceof Map<?, ?> p ? p : Map.of();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        if (props.containsKey(key)) {
          check(e.getValue(), props.get(key), at + "." + key, errors);
          continue;
        }
        boolean matched = false;
        for (Map.Entry<?, ?> p : patterns.entrySet()) {
          if (Pattern.compile((String) p.getKey()).matcher(key).find()) {
            matched = true;
            check(e.getValue(), p.getValue(), at + "." + key, errors);
          }
        }
        if (!matched && !(props.isEmpty() && patterns.isEmpty())) {
          errors.add(at + ": unknown property " + key);
        }
      }
    } else if (value instanceof List<?> list && node.get("items") != null) {
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), node.get("items"), at + "[" + i + "]", errors);
      }
    }
  }

  private static String jsonType(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Boolean) {
      return "boolean";
    } else if (v instanceof Number n) {
      return n.doubleValue() == Math.rint(n.doubleValue()) ? "integer" : "number";
    } else if (v instanceof List<?>) {
      return "array";
    }
    return "object";
  }
}
