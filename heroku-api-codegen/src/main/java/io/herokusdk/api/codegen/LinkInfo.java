package io.herokusdk.api.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One link of the schema with the Java names the generator gives it.
 *
 * @param resource schema resource name, e.g. {@code app}
 * @param index position of the link within the resource's {@code links}
 * @param title link title, e.g. {@code List Owned and Collaborated}
 * @param method HTTP method, upper case
 * @param href the schema's href with placeholders rewritten to {@code {javaName}}
 * @param pathParams path parameters in href order
 * @param accessor the {@code Heroku} accessor, e.g. {@code apps}
 * @param javaMethod the method name on the resource client, e.g. {@code listOwnedAndCollaborated}
 * @param requestSchema the link's {@code schema}, or null
 * @param targetSchema the link's {@code targetSchema}, or null
 * @param stability the resource's stability
 * @param paged whether the Java method returns a lazily paged result
 */
public record LinkInfo(
    String resource,
    int index,
    String title,
    String method,
    String href,
    List<PathParam> pathParams,
    String accessor,
    String javaMethod,
    Object requestSchema,
    Object targetSchema,
    String stability,
    boolean paged) {

  /**
   * A path parameter.
   *
   * @param pointer the schema pointer the href names
   * @param javaName the Java parameter and Retrofit placeholder name
   */
  public record PathParam(String pointer, String javaName) {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\(([^)]*)\\)\\}");

  /** All links of the schema, resources sorted by name, links in schema order. */
  public static List<LinkInfo> all(Schema schema) {
    List<LinkInfo> out = new ArrayList<>();
    Map<String, Object> defs = schema.definitions();
    for (String resource : defs.keySet().stream().sorted().toList()) {
      Map<String, Object> def = Schema.asMap(defs.get(resource));
      List<Object> links = Schema.asList(def.get("links"));
      String accessor = Naming.accessor(resource);
      String stability = String.valueOf(def.getOrDefault("stability", "production"));
      for (int i = 0; i < links.size(); i++) {
        Map<String, Object> link = Schema.asMap(links.get(i));
        String title = (String) link.get("title");
        List<PathParam> params = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher((String) link.get("href"));
        StringBuilder href = new StringBuilder();
        while (m.find()) {
          String pointer = Schema.decodePlaceholder(m.group(1));
          String name = Naming.pathParam(pointer);
          String unique = name;
          int n = 2;
          while (true) {
            String candidate = unique;
            if (params.stream().noneMatch(p -> p.javaName().equals(candidate))) {
              break;
            }
            unique = name + n++;
          }
          params.add(new PathParam(pointer, unique));
          m.appendReplacement(href, Matcher.quoteReplacement("{" + unique + "}"));
        }
        m.appendTail(href);
        out.add(new LinkInfo(resource, i, title,
            ((String) link.get("method")).toUpperCase(java.util.Locale.ROOT), href.toString(),
            List.copyOf(params), accessor, Naming.methodName(title), link.get("schema"),
            link.get("targetSchema"), stability, isPaged(schema, link)));
      }
    }
    return out;
  }

  /** GET links whose target is an array are paged with {@code Range}. */
  static boolean isPaged(Schema schema, Map<String, Object> link) {
    if (!"GET".equalsIgnoreCase((String) link.get("method")) || link.get("targetSchema") == null) {
      return false;
    }
    return isArray(schema, link.get("targetSchema"));
  }

  static boolean isArray(Schema schema, Object node) {
    Map<String, Object> target = schema.deref(node);
    return Schema.types(target).contains("array")
        || (Schema.types(target).isEmpty() && target.containsKey("items"));
  }

  /** The JSON pointer of this link. */
  public String pointer() {
    return "#/definitions/" + resource + "/links/" + index;
  }

  /** Heroku's reference URL for this link. */
  public String referenceUrl() {
    return "https://devcenter.heroku.com/articles/platform-api-reference#"
        + Naming.anchor(resource, title);
  }
}
