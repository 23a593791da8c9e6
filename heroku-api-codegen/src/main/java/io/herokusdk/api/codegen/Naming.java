package io.herokusdk.api.codegen;

import java.util.Locale;
import java.util.Set;

/** The naming rules shared by the generator and the tests (documented in heroku-api/README.md). */
public final class Naming {
  private Naming() {}

  static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
      "_");

  /** Names that would clash with {@code java.lang.Object} or record/builder members. */
  static final Set<String> RESERVED_MEMBERS = Set.of(
      "hashCode", "toString", "equals", "getClass", "notify", "notifyAll", "wait", "clone",
      "finalize", "builder", "build");

  /** Splits on anything that is not a letter or digit. */
  private static String[] words(String s) {
    return s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[^A-Za-z0-9]+");
  }

  /** {@code "add-on-attachment"} → {@code "AddOnAttachment"}; {@code "Create - Deprecated"} → {@code "CreateDeprecated"}. */
  public static String pascal(String s) {
    StringBuilder b = new StringBuilder();
    for (String w : words(s)) {
      if (w.isEmpty()) {
        continue;
      }
      b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
    }
    if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
      b.insert(0, 'V');
    }
    return b.toString();
  }

  /** {@code "List Owned and Collaborated"} → {@code "listOwnedAndCollaborated"}. */
  public static String camel(String s) {
    String p = pascal(s);
    return Character.toLowerCase(p.charAt(0)) + p.substring(1);
  }

  /** A camel-case identifier that is safe as a record component / parameter name. */
  public static String member(String s) {
    String c = camel(s);
    if (KEYWORDS.contains(c) || RESERVED_MEMBERS.contains(c)) {
      return c + "Value";
    }
    return c;
  }

  /** Method name for a link: camel case of its title. */
  public static String methodName(String linkTitle) {
    return member(linkTitle);
  }

  /** Enum constant for a wire value: {@code "heroku-managed"} → {@code HEROKU_MANAGED}. */
  public static String constant(String value) {
    String c = value.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("[^A-Za-z0-9]+", "_")
        .replaceAll("^_+|_+$", "")
        .toUpperCase(Locale.ROOT);
    if (c.isEmpty() || Character.isDigit(c.charAt(0))) {
      c = "V_" + c;
    }
    return c;
  }

  /** Naive English singular used for array item types: {@code Buildpacks} → {@code Buildpack}. */
  public static String singular(String pascal) {
    if (pascal.endsWith("ies") && pascal.length() > 3) {
      return pascal.substring(0, pascal.length() - 3) + "y";
    }
    if (pascal.endsWith("sses") || pascal.endsWith("xes") || pascal.endsWith("ches")
        || pascal.endsWith("shes")) {
      return pascal.substring(0, pascal.length() - 2);
    }
    if (pascal.endsWith("s") && !pascal.endsWith("ss") && pascal.length() > 1) {
      return pascal.substring(0, pascal.length() - 1);
    }
    return pascal + "Item";
  }

  /** Naive English plural used for resource accessors. */
  public static String plural(String camel) {
    if (camel.endsWith("s")) {
      return camel;
    }
    if (camel.endsWith("y") && camel.length() > 1 && "aeiou".indexOf(camel.charAt(camel.length() - 2)) < 0) {
      return camel.substring(0, camel.length() - 1) + "ies";
    }
    if (camel.endsWith("x") || camel.endsWith("ch") || camel.endsWith("sh")) {
      return camel + "es";
    }
    return camel + "s";
  }

  /**
   * Resources whose accessor stays singular: one-per-parent singletons and mass nouns. Every other
   * accessor is the plural of the resource name.
   */
  public static final Set<String> SINGULAR = Set.of(
      "account", "account-delinquency", "add-on-config", "formation", "invoice-address",
      "password-reset", "peering-info", "pipeline-stack", "review-app-config", "sms-number",
      "space-nat", "space-topology", "team-delinquency");

  /** The {@code Heroku} accessor for a resource: {@code config-var} → {@code configVars}. */
  public static String accessor(String resource) {
    String c = camel(resource);
    return SINGULAR.contains(resource) ? c : plural(c);
  }

  /** Anchor on https://devcenter.heroku.com/articles/platform-api-reference. */
  public static String anchor(String resource, String linkTitle) {
    String t = (resource + "-" + linkTitle).toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return t;
  }

  /** Path-parameter name for a pointer like {@code #/definitions/app/definitions/identity}. */
  public static String pathParam(String pointer) {
    var segs = Schema.segments(pointer);
    String resource = segs.get(1);
    String last = segs.get(segs.size() - 1);
    if (segs.size() == 2 || last.equals("identity")) {
      return member(resource);
    }
    return member(resource + "-" + last);
  }
}
