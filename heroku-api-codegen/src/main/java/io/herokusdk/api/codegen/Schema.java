package io.herokusdk.api.codegen;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A parsed JSON hyper-schema with JSON-pointer lookup. Values are Moshi's plain maps and lists. */
public final class Schema {
  private final Map<String, Object> root;

  private Schema(Map<String, Object> root) {
    this.root = root;
  }

  /** Reads and parses the schema file at {@code path}. */
  public static Schema load(Path path) throws IOException {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    Object parsed = adapter.fromJson(Files.readString(path, StandardCharsets.UTF_8));
    return new Schema(asMap(Objects.requireNonNull(parsed, "empty schema")));
  }

  /** The schema's top-level object. */
  public Map<String, Object> root() {
    return root;
  }

  /** The resource definitions, in schema order. */
  public Map<String, Object> definitions() {
    return asMap(root.get("definitions"));
  }

  /** Resolves a JSON pointer of the form {@code #/a/b/c}. */
  public Object at(String pointer) {
    if (!pointer.startsWith("#")) {
      throw new IllegalArgumentException("only local pointers are supported: " + pointer);
    }
    Object node = root;
    for (String segment : segments(pointer)) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(segment);
      } else if (node instanceof List<?> list) {
        node = list.get(Integer.parseInt(segment));
      } else {
        node = null;
      }
      if (node == null) {
        throw new IllegalArgumentException("unresolvable pointer " + pointer);
      }
    }
    return node;
  }

  /** Follows {@code $ref}s until reaching a node without one. */
  public Map<String, Object> deref(Object node) {
    Map<String, Object> map = asMap(node);
    int hops = 0;
    while (map.get("$ref") instanceof String ref) {
      if (++hops > 32) {
        throw new IllegalStateException("$ref cycle at " + ref);
      }
      map = asMap(at(ref));
    }
    return map;
  }

  /** Splits {@code #/a/b} into unescaped segments. */
  public static List<String> segments(String pointer) {
    List<String> out = new ArrayList<>();
    String body = pointer.startsWith("#/") ? pointer.substring(2) : pointer.substring(1);
    if (body.isEmpty()) {
      return out;
    }
    for (String s : body.split("/", -1)) {
      out.add(s.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /** Escapes one pointer segment. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** Decodes an href placeholder body like {@code %23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity}. */
  public static String decodePlaceholder(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object node) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object, got " + node);
    }
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?>)) {
      throw new IllegalArgumentException("expected a JSON array, got " + node);
    }
    return (List<Object>) node;
  }

  /** The node's {@code type} as a list ({@code "x"} and {@code ["x"]} both allowed). */
  public static List<String> types(Map<String, Object> node) {
    Object type = node.get("type");
    List<String> out = new ArrayList<>();
    if (type instanceof String s) {
      out.add(s);
    } else if (type instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }
}
