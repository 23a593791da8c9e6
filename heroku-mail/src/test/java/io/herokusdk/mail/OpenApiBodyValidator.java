package io.herokusdk.mail;

import io.herokusdk.mail.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates {@code POST /v3/mail/send} bodies against SendGrid's OpenAPI description, read from
 * {@code ../shared/reference/sendgrid-mail-v3-openapi.json} beside the repository (never copied
 * into it). Implements the JSON-schema subset that file uses: $ref, type, properties, required,
 * additionalProperties, items, maxItems, minItems, uniqueItems, minLength, maxLength,
 * maxProperties, enum, nullable, allOf/anyOf/oneOf.
 */
final class OpenApiBodyValidator {
  static final String RELATIVE_PATH = "../shared/reference/sendgrid-mail-v3-openapi.json";

  private final Map<?, ?> document;
  private final Object bodySchema;

  private OpenApiBodyValidator(Map<?, ?> document) {
    this.document = document;
    Object schema = at(document, "components", "requestBodies", "PostMailSend", "content",
        "application/json", "schema");
    if (schema == null) throw new IllegalStateException("no PostMailSend schema in the file");
    this.bodySchema = schema;
  }

  /** Loads the file, or returns empty with a printed reason if it is not there. */
  static Optional<OpenApiBodyValidator> load() {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("mvnw"))) root = root.getParent();
    if (root == null) {
      System.out.println("SKIP OpenAPI validation: repository root (with mvnw) not found");
      return Optional.empty();
    }
    Path file = root.resolve(RELATIVE_PATH).normalize();
    if (!Files.isRegularFile(file)) {
      System.out.println("SKIP OpenAPI validation: " + file + " is not present");
      return Optional.empty();
    }
    try {
      return Optional.of(new OpenApiBodyValidator((Map<?, ?>) Json.parse(Files.readString(file))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the schema violations of {@code jsonBody}, as "path: problem"; empty if valid. */
  List<String> validate(String jsonBody) {
    List<String> problems = new ArrayList<>();
    try {
      check(Json.parse(jsonBody), bodySchema, "$", problems);
    } catch (IOException e) {
      problems.add("$: not JSON: " + e.getMessage());
    }
    return problems;
  }

  private void check(Object value, Object schemaObject, String path, List<String> problems) {
    if (!(schemaObject instanceof Map<?, ?> schema)) return;
    if (schema.get("$ref") instanceof String ref) {
      check(value, resolve(ref), path, problems);
      return;
    }
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable")) && schema.containsKey("type")) {
        problems.add(path + ": null is not allowed");
      }
      return;
    }
    if (schema.get("allOf") instanceof List<?> all) {
      for (Object s : all) check(value, s, path, problems);
    }
    for (String key : List.of("anyOf", "oneOf")) {
      if (schema.get(key) instanceof List<?> options) {
        int matches = 0;
        for (Object s : options) {
          List<String> sub = new ArrayList<>();
          check(value, s, path, sub);
          if (sub.isEmpty()) matches++;
        }
        if (matches == 0 || (key.equals("oneOf") && matches > 1)) {
          problems.add(path + ": matches " + matches + " of the " + key + " schemas");
        }
      }
    }
    if (schema.get("type") instanceof String type && !hasType(value, type)) {
      problems.add(path + ": expected " + type + ", got " + describe(value));
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
      problems.add(path + ": " + value + " is not one of " + allowed);
    }
    if (value instanceof String s) {
      if (schema.get("minLength") instanceof Double min && s.length() < min) {
        problems.add(path + ": shorter than " + min.intValue());
      }
      if (schema.get("maxLength") instanceof Double max && s.length() > max) {
        problems.add(path + ": longer than " + max.intValue());
      }
    }
    if (value instanceof List<?> list) {
      if (schema.get("maxItems") instanceof Double max && list.size() > max) {
        problems.add(path + ": more than " + max.intValue() + " items");
      }
      if (schema.get("minItems") instanceof Double min && list.size() < min) {
        problems.add(path + ": fewer than " + min.intValue() + " items");
      }
      if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(list).size() != list.size()) {
        problems.add(path + ": items are not unique");
      }
      for (int i = 0; i < list.size(); i++) {
        check(list.get(i), schema.get("items"), path + "[" + i + "]", problems);
      }
    }
    if (value instanceof Map<?, ?> object) {
      if (schema.get("maxProperties") instanceof Double max && object.size() > max) {
        problems.add(path + ": more than " + max.intValue() + " properties");
      }
      if (schema.get("required") instanceof List<?> required) {
        for (Object name : required) {
          if (!object.containsKey(name)) problems.add(path + ": missing required " + name);
        }
      }
      Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
      Object additional = schema.get("additionalProperties");
      for (Map.Entry<?, ?> e : object.entrySet()) {
        String childPath = path + "." + e.getKey();
        if (properties.containsKey(e.getKey())) {
          check(e.getValue(), properties.get(e.getKey()), childPath, problems);
        } else if (Boolean.FALSE.equals(additional)) {
          problems.add(childPath + ": not allowed by the schema");
        } else if (additional instanceof Map<?, ?>) {
          check(e.getValue(), additional, childPath, problems);
        }
      }
    }
  }

  private static boolean hasType(Object value, String type) {
    switch (type) {
      case "object": return value instanceof Map;
      case "array": return value instanceof List;
      case "string": return value instanceof String;
      case "boolean": return value instanceof Boolean;
      case "number": return value instanceof Double;
      case "integer": return value instanceof Double d && d == Math.rint(d);
      default: return true;
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  private Object resolve(String ref) {
    if (!ref.startsWith("#/")) throw new IllegalStateException("only local $refs: " + ref);
    Object target = at(document, ref.substring(2).split("/"));
    if (target == null) throw new IllegalStateException("unresolved $ref " + ref);
    return target;
  }

  private static Object at(Object node, String... path) {
    for (String part : path) {
      if (!(node instanceof Map<?, ?> map)) return null;
      node = map.get(part);
    }
    return node;
  }
}
