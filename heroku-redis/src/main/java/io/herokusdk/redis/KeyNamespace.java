package io.herokusdk.redis;

import java.util.Objects;

/**
 * A key namespace such as {@code session:}, so that helpers and app code do not collide.
 *
 * @param prefix the full prefix including the configured key prefix, e.g. {@code myapp:session:}
 */
public record KeyNamespace(String prefix) {
  /**
   * Checks the prefix is not null.
   *
   * @param prefix the full prefix including the configured key prefix, e.g. {@code myapp:session:}
   */
  public KeyNamespace {
    Objects.requireNonNull(prefix, "prefix == null");
  }

  static KeyNamespace of(String keyPrefix, String name) {
    Objects.requireNonNull(name, "name == null");
    if (name.isEmpty() || name.contains(":")) {
      throw new IllegalArgumentException("A namespace name must be non-empty and without ':'");
    }
    return new KeyNamespace(keyPrefix + name + ":");
  }

  /**
   * Returns {@code prefix + id}, e.g. {@code session:abc123}.
   *
   * @param id the key within this namespace; any text, ':' included
   * @return the full Redis key
   */
  public String key(String id) {
    return prefix + Objects.requireNonNull(id, "id == null");
  }

  /**
   * A pattern matching every key of this namespace, for SCAN.
   *
   * @return the prefix with its glob characters ({@code * ? [ ] \}) escaped, then {@code *}
   */
  public String pattern() {
    return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
  }
}
